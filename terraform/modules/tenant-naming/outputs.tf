output "namespace" {
  description = "Kubernetes namespace of the tenant."
  value       = local.namespace
}

output "database_name" {
  description = "Database of the tenant on the shared Postgres instance."
  value       = local.database_name
}

output "role_name" {
  description = "Login role owning the tenant's database."
  value       = local.role_name
}

output "public_url" {
  description = "https://<primary domain>, the API's PUBLIC_URL."
  value       = local.public_url
}

output "directory_entry" {
  description = "The tenant's entry in the tenant directory the web app reads."
  value       = local.directory_entry
}

output "chart_values" {
  description = "Values of the tenant's Helm release (charts/tenant)."
  value       = local.chart_values
}
