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
    # The API reads a phone number without country code in its holiday region's country (DE-BE -> DE); the web app likewise.
    phoneRegion = split("-", var.holiday_region)[0]
  }

  # The API takes #rrggbb only; the directory also allows #rgb, so short colors are doubled out.
  api_colors = {
    for name, color in { primaryColor = var.branding.primary_color, accentColor = var.branding.accent_color } :
    name => length(color) == 4 ? "#${join("", [for c in split("", substr(color, 1, 3)) : "${c}${c}"])}" : color
  }
  # Mail clients have no origin: a same-origin logo path becomes an absolute URL on the tenant's host.
  api_logo_url = var.branding.logo_url == null ? "" : (startswith(var.branding.logo_url, "/") ? "${local.public_url}${var.branding.logo_url}" : var.branding.logo_url)

  # Only what differs from charts/tenant/values.yaml; Helm merges the rest (a null would delete a default).
  chart_values = merge({
    tenant = {
      slug           = var.slug
      publicUrl      = local.public_url
      displayName    = var.display_name
      timeZone       = var.time_zone
      holidayRegion  = var.holiday_region
      defaultLocale  = var.default_locale
      employeeNumber = var.employee_number
      branding       = merge(local.api_colors, { logoUrl = local.api_logo_url })
    }
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
    # The mailer Service of charts/platform (port 8080, the platform functions' port).
    mailer = { url = "http://mailer.${var.platform.platform_namespace}.svc.cluster.local:8080" }
    networkPolicy = {
      ingressControllerNamespace = var.platform.ingress_namespace
      platformNamespace          = var.platform.platform_namespace
      postgresCidr               = var.platform.postgres_cidr
      postgresPort               = var.platform.postgres_port
      # The SMS providers' APIs are public HTTPS.
      smsEgress = { enabled = var.sms.provider != "log" }
    }
    sms = { provider = var.sms.provider, from = var.sms.from, baseUrl = var.sms.base_url }
    tracing = {
      otlpEndpoint       = var.platform.tracing.otlp_endpoint
      collectorNamespace = var.platform.tracing.collector_namespace
      collectorPort      = var.platform.tracing.collector_port
    }
    }, {
    for name, days in { retention = var.retention } : name => {
      unvaccinatedDays            = days.unvaccinated_days
      mailDays                    = days.mail_days
      auditDays                   = days.audit_days
      signInDays                  = days.sign_in_days
    } if days != null
  })
}
