# The same names as libs/tenant-provisioning (tenant-naming.ts), which `npm start` uses locally.
locals {
  namespace     = "tenant-${var.slug}"
  database_name = "tenant_${replace(var.slug, "-", "_")}"
  role_name     = local.database_name
  public_url    = "https://${var.domains[0]}"

  # Format of libs/tenant-directory; logoUrl is left out rather than null when there is none.
  directory_entry = {
    slug        = var.slug
    displayName = var.display_name
    domains     = var.domains
    apiBaseUrl  = "/api"
    branding = merge(
      { primaryColor = var.branding.primary_color, accentColor = var.branding.accent_color },
      { for k, v in { logoUrl = var.branding.logo_url } : k => v if v != null },
    )
    defaultLocale = var.default_locale
  }

  # Only what differs from charts/tenant/values.yaml; Helm merges the rest.
  chart_values = {
    tenant    = { slug = var.slug, publicUrl = local.public_url }
    namespace = { enabled = false, name = local.namespace }
    ingress = {
      className     = var.platform.ingress_class
      hosts         = var.domains
      tlsSecretName = var.platform.tls_secret_name
    }
    api = {
      image       = { repository = var.api_image.repository, tag = "${var.api_image.tag}@${var.api_image.digest}" }
      databaseSsl = var.platform.postgres_ssl
    }
    oidc = {
      issuer     = var.oidc == null ? "" : var.oidc.issuer
      clientId   = var.oidc == null ? "" : var.oidc.client_id
      rolesClaim = var.oidc == null ? "" : var.oidc.roles_claim
      roleMap    = var.oidc == null ? "" : var.oidc.role_map
    }
    bootstrap = { initialAdminEmail = var.initial_admin_email }
    networkPolicy = {
      ingressControllerNamespace = var.platform.ingress_namespace
      platformNamespace          = var.platform.platform_namespace
      postgresCidr               = var.platform.postgres_cidr
      postgresPort               = var.platform.postgres_port
    }
  }
}
