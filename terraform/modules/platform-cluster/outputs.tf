# The same outputs as modules/platform-gcp and modules/platform-azure, so modules/tenant does not
# know where it runs.

output "platform" {
  description = "Everything modules/tenant needs from the platform."
  value = {
    cloud                       = "cluster"
    api_image_repository        = "${var.image_registry}/api"
    chart_repository            = var.chart_repository
    chart_version               = var.chart_version
    ingress_class               = var.ingress.class
    ingress_namespace           = var.ingress.namespace
    platform_namespace          = module.release.namespace
    tenant_directory_config_map = "tenant-directory"
    postgres_host               = "${local.postgres_cluster}-rw.${local.database_namespace}.svc.cluster.local"
    postgres_port               = 5432
    postgres_cidr               = var.pod_cidr
    # CloudNativePG serves TLS with its own CA; the API checks that TLS is on.
    postgres_ssl    = "require"
    tls_secret_name = "tenant-tls"
    base_domain     = var.base_domain
    # Every tenant's API sends its traces where the platform's functions do.
    tracing = var.tracing
    monitoring = {
      cluster_issuer        = local.cluster_issuer
      blackbox_exporter_url = var.blackbox_exporter_url
    }
  }
}

output "kubernetes" {
  description = "Unused on an existing cluster (the providers read a kubeconfig); kept for the same outputs as the cloud platforms."
  value       = null
}

output "postgres_admin" {
  description = "Admin connection for the postgresql provider of the tenants stack (through `kubectl port-forward` or from inside the cluster)."
  value = {
    host     = "${local.postgres_cluster}-rw.${local.database_namespace}.svc.cluster.local"
    port     = 5432
    username = "postgres"
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
