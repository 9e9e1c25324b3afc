output "namespace" {
  description = "The platform namespace."
  value       = kubernetes_namespace_v1.platform.metadata[0].name
}

output "mailer_api_key" {
  description = "The mailer's shared key, which every tenant's API sends."
  value       = random_password.mailer_api_key.result
  sensitive   = true
}
