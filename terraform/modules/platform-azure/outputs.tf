# modules/platform-gcp exposes the same outputs, so modules/tenant does not know the cloud.

output "platform" {
  description = "Everything modules/tenant needs from the platform."
  value = {
    cloud                       = "azure"
    api_image_repository        = "${var.image_registry}/api"
    chart_repository            = var.chart_repository
    chart_version               = var.chart_version
    ingress_class               = "nginx"
    ingress_namespace           = local.ingress_namespace
    platform_namespace          = module.release.namespace
    tenant_directory_config_map = "tenant-directory"
    postgres_host               = azurerm_postgresql_flexible_server.main.fqdn
    postgres_port               = 5432
    postgres_cidr               = one(azurerm_subnet.postgres.address_prefixes)
    postgres_ssl                = "require"
    tls_secret_name             = ""
    base_domain                 = var.base_domain
    # Every tenant's API sends its traces where the platform's functions do.
    tracing = var.tracing
    monitoring = {
      application_insights_id = azurerm_application_insights.main.id
      resource_group_name     = azurerm_resource_group.main.name
      location                = azurerm_resource_group.main.location
      action_group_id         = azurerm_monitor_action_group.ops.id
    }
  }
}

output "kubernetes" {
  description = "Endpoint and CA of the cluster, for the kubernetes and helm providers."
  value = {
    host                   = azurerm_kubernetes_cluster.main.kube_config[0].host
    cluster_ca_certificate = base64decode(azurerm_kubernetes_cluster.main.kube_config[0].cluster_ca_certificate)
  }
}

output "postgres_admin" {
  description = "Admin connection for the postgresql provider of the tenants stack."
  value = {
    host     = azurerm_postgresql_flexible_server.main.fqdn
    port     = 5432
    username = azurerm_postgresql_flexible_server.main.administrator_login
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
