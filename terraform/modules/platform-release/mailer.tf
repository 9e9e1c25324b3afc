# The mailer function's Secret. Its MAILER_API_KEY is shared with every tenant's API: the tenants
# stack merges the `mailer` output into `platform`, and modules/tenant writes it into each tenant Secret.

resource "random_password" "mailer_api_key" {
  length  = 48
  special = false
}

resource "kubernetes_secret_v1" "mailer" {
  metadata {
    name      = "mailer-secrets"
    namespace = kubernetes_namespace_v1.platform.metadata[0].name
  }

  # Key names are the mailer's variable names (charts/platform reads them with secretKeyRef).
  data = merge(
    { MAILER_API_KEY = random_password.mailer_api_key.result },
    var.smtp_url == null ? {} : { SMTP_URL = var.smtp_url },
    var.mailjet == null ? {} : { MAILJET_API_KEY = var.mailjet.api_key, MAILJET_API_SECRET = var.mailjet.api_secret },
  )

  lifecycle {
    precondition {
      condition     = var.mail_provider == "smtp" ? var.smtp_url != null : var.mailjet != null
      error_message = "mail_provider smtp needs smtp_url; mailjet needs mailjet."
    }
  }
}
