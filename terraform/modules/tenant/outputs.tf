output "url" {
  description = "Public URL of the tenant."
  value       = module.naming.public_url
}

output "namespace" {
  description = "Kubernetes namespace of the tenant."
  value       = kubernetes_namespace_v1.tenant.metadata[0].name
}

output "hosts" {
  description = "Host names of the tenant (for uptime checks)."
  value       = var.domains
}

output "database_name" {
  description = "The tenant's database on the shared instance."
  value       = postgresql_database.tenant.name
}

output "initial_admin_password" {
  description = "One-time password of the first admin (terraform output -raw ...); changed at first sign-in."
  value       = random_password.initial_admin.result
  sensitive   = true
}

output "document_signer_csr_pem" {
  description = "Certificate request of the certificate key, for a DSC from the national CSCA (see variable document_signer)."
  value       = tls_cert_request.document_signer_v1.cert_request_pem
}
