# modules/tenant plus a Cloud Monitoring uptime check per domain: on GCP an operator adds a
# tenant with one block of this module.
terraform {
  required_version = ">= 1.7"
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "tenant" {
  description = "slug, display_name, domains, branding, default_locale, employee_number, time_zone, holiday_region, retention, initial_admin_email, oidc, sms (see modules/tenant)."
  type        = any
}

variable "sms_credentials" {
  description = "The SMS provider account, when tenant.sms names one (see modules/tenant)."
  type        = any
  default     = null
  sensitive   = true
}

variable "api_image_tag" {
  description = "Tag of the API image, as released by the deploy workflow."
  type        = string
}

variable "api_image_digest" {
  description = "sha256 digest of that tag."
  type        = string
}

variable "platform" {
  description = "The `platform` output of modules/platform-gcp."
  type        = any
}

module "tenant" {
  source = "../tenant"

  slug                = var.tenant.slug
  display_name        = var.tenant.display_name
  domains             = var.tenant.domains
  branding            = var.tenant.branding
  default_locale      = try(var.tenant.default_locale, "de")
  employee_number     = try(var.tenant.employee_number, "optional")
  time_zone           = try(var.tenant.time_zone, "Europe/Berlin")
  holiday_region      = try(var.tenant.holiday_region, "DE")
  retention           = try(var.tenant.retention, null)
  initial_admin_email = var.tenant.initial_admin_email
  oidc                = try(var.tenant.oidc, null)
  sms                 = try(var.tenant.sms, { provider = "log" })
  sms_credentials     = var.sms_credentials
  document_signer     = try(var.tenant.document_signer, null)
  # Tenants created before keys per purpose keep their old key published until its certificates expire.
  publish_legacy_signing_key = try(var.tenant.publish_legacy_signing_key, true)
  api_image_tag              = var.api_image_tag
  api_image_digest           = var.api_image_digest
  platform                   = var.platform
}

resource "google_monitoring_uptime_check_config" "ready" {
  for_each = toset(var.tenant.domains)

  project      = var.platform.monitoring.project_id
  display_name = "vaccinate ${var.tenant.slug} ${each.value}"
  timeout      = "10s"
  period       = "60s"

  http_check {
    path         = "/api/health/ready"
    port         = 443
    use_ssl      = true
    validate_ssl = true
  }

  monitored_resource {
    type   = "uptime_url"
    labels = { project_id = var.platform.monitoring.project_id, host = each.value }
  }

  depends_on = [module.tenant]
}

# Down when the check fails from more than one region for five minutes.
resource "google_monitoring_alert_policy" "down" {
  for_each = google_monitoring_uptime_check_config.ready

  project               = var.platform.monitoring.project_id
  display_name          = "vaccinate ${var.tenant.slug} ${each.key} down"
  combiner              = "OR"
  notification_channels = var.platform.monitoring.notification_channels

  conditions {
    display_name = "uptime check fails"
    condition_threshold {
      filter          = "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type=\"uptime_url\" AND metric.label.check_id=\"${each.value.uptime_check_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = 1
      duration        = "300s"
      aggregations {
        alignment_period     = "1200s"
        per_series_aligner   = "ALIGN_NEXT_OLDER"
        cross_series_reducer = "REDUCE_COUNT_FALSE"
        group_by_fields      = ["resource.label.host"]
      }
    }
  }
}

output "url" {
  description = "Public URL of the tenant."
  value       = module.tenant.url
}

output "namespace" {
  description = "Kubernetes namespace of the tenant."
  value       = module.tenant.namespace
}

output "initial_admin_password" {
  description = "One-time password of the first admin."
  value       = module.tenant.initial_admin_password
  sensitive   = true
}
