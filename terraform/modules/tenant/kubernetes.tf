resource "kubernetes_namespace_v1" "tenant" {
  metadata {
    name = module.naming.namespace
    labels = {
      "app.kubernetes.io/part-of"          = "vaccinate"
      "vaccinate.io/tenant"                = var.slug
      "pod-security.kubernetes.io/enforce" = "restricted"
      "pod-security.kubernetes.io/audit"   = "restricted"
      "pod-security.kubernetes.io/warn"    = "restricted"
    }
  }
}

# Key names are the API's variable names (charts/tenant reads them with secretKeyRef).
resource "kubernetes_secret_v1" "api" {
  metadata {
    name      = "api-secrets"
    namespace = kubernetes_namespace_v1.tenant.metadata[0].name
  }

  data = merge(
    {
      DATABASE_URL                    = local.database_url
      FIELD_KEYS                      = "v1:${random_bytes.field_key_v1.base64}"
      ACCESS_TOKEN_KEYS               = local.access_token_keys
      CERTIFICATE_SIGNING_KEYS        = local.certificate_signing_keys
      CERTIFICATE_SIGNER_CERTIFICATES = local.signer_certificates
      CERTIFICATE_CSCA                = local.csca_der_base64
      INITIAL_ADMIN_PASSWORD          = random_password.initial_admin.result
      # Certificate tokens are encrypted under keys derived from it; the platform's certificates
      # function gets it too (output certificate_secret), under the id <slug>-1.
      CERTIFICATE_SECRET = random_bytes.certificate_secret.base64
    },
    # The chart reads it as optional: without it, mails wait in the tenant's outbox.
    var.platform.mailer_api_key == null ? {} : { MAILER_API_KEY = var.platform.mailer_api_key },
    # Optional in the chart too: the log provider needs no account.
    var.sms_credentials == null ? {} : { SMS_ACCOUNT_ID = var.sms_credentials.account_id, SMS_AUTH_SECRET = var.sms_credentials.auth_secret },
    try(var.sms_credentials.signature_secret, null) == null ? {} : { SMS_SIGNATURE_SECRET = var.sms_credentials.signature_secret },
  )
}

# One key per tenant in the platform's directory ConfigMap: adding a tenant writes its own key
# and touches no other tenant's (server-side apply, one field manager per key).
resource "kubernetes_config_map_v1_data" "directory_entry" {
  metadata {
    name      = var.platform.tenant_directory_config_map
    namespace = var.platform.platform_namespace
  }

  data = {
    "${var.slug}.json" = jsonencode(module.naming.directory_entry)
  }

  field_manager = "vaccinate-tenant-${var.slug}"
  force         = true
}

# This tenant's certificate secret and in-cluster key set URL, as its own key of the platform's
# certificates Secret: adding a tenant touches no shared file (the certificates function reads every
# CERTIFICATE_ISSUER_* key; its pods pick a new one up when they restart).
resource "kubernetes_secret_v1_data" "certificate_issuer" {
  metadata {
    name      = var.platform.certificates_secret_name
    namespace = var.platform.platform_namespace
  }

  data = {
    "CERTIFICATE_ISSUER_${upper(replace(var.slug, "-", "_"))}" = jsonencode({
      issuer  = module.naming.public_url
      jwksUrl = "http://api.${kubernetes_namespace_v1.tenant.metadata[0].name}.svc.cluster.local/.well-known/jwks.json"
      secrets = [{ id = "${var.slug}-1", secret = random_bytes.certificate_secret.base64 }]
    })
  }

  field_manager = "vaccinate-tenant-${var.slug}"
  force         = true
}
