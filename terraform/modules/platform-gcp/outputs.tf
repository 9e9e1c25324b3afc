# modules/platform-azure exposes the same outputs, so modules/tenant does not know the cloud.

output "platform" {
  description = "Everything modules/tenant needs from the platform."
  value = {
    cloud                       = "gcp"
    api_image_repository        = "${var.image_registry}/api"
    chart_repository            = var.chart_repository
    chart_version               = var.chart_version
    ingress_class               = "nginx"
    ingress_namespace           = local.ingress_namespace
    platform_namespace          = module.release.namespace
    tenant_directory_config_map = "tenant-directory"
    postgres_host               = google_sql_database_instance.main.private_ip_address
    postgres_port               = 5432
    postgres_cidr               = "${google_compute_global_address.private_services.address}/${google_compute_global_address.private_services.prefix_length}"
    postgres_ssl                = "require"
    tls_secret_name             = ""
    base_domain                 = var.base_domain
    # Every tenant's API sends its traces where the platform's functions do.
    tracing    = var.tracing
    monitoring = { project_id = var.project_id, notification_channels = [google_monitoring_notification_channel.ops.id] }
  }
}

output "kubernetes" {
  description = "Endpoint and CA of the cluster, for the kubernetes and helm providers."
  value = {
    host                   = "https://${google_container_cluster.main.endpoint}"
    cluster_ca_certificate = base64decode(google_container_cluster.main.master_auth[0].cluster_ca_certificate)
  }
}

output "postgres_admin" {
  description = "Admin connection for the postgresql provider of the tenants stack."
  value = {
    host     = google_sql_database_instance.main.private_ip_address
    port     = 5432
    username = google_sql_user.admin.name
    password = random_password.postgres_admin.result
    sslmode  = "require"
  }
  sensitive = true
}

output "mailer" {
  description = "The mailer's shared key, for the tenants stack (merged into `platform` as mailer_api_key)."
  value       = { api_key = module.release.mailer_api_key }
  sensitive   = true
}
