# modules/tenant plus an Application Insights availability test per domain: on Azure an operator adds a
# tenant with one block of this module.
terraform {
  required_version = ">= 1.7"
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
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
  description = "The `platform` output of modules/platform-azure."
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

resource "azurerm_application_insights_standard_web_test" "ready" {
  for_each = toset(var.tenant.domains)

  name                    = "vaccinate-${var.tenant.slug}-${replace(each.value, ".", "-")}"
  resource_group_name     = var.platform.monitoring.resource_group_name
  location                = var.platform.monitoring.location
  application_insights_id = var.platform.monitoring.application_insights_id
  geo_locations           = ["emea-nl-ams-azr", "emea-gb-db3-azr", "emea-fr-pra-edge"]
  frequency               = 300
  timeout                 = 30
  enabled                 = true

  request {
    url = "https://${each.value}/api/health/ready"
  }

  validation_rules {
    expected_status_code        = 200
    ssl_check_enabled           = true
    ssl_cert_remaining_lifetime = 7
  }

  depends_on = [module.tenant]
}

# Down when two of the three test locations fail.
resource "azurerm_monitor_metric_alert" "down" {
  for_each = azurerm_application_insights_standard_web_test.ready

  name                = "vaccinate-${var.tenant.slug}-${replace(each.key, ".", "-")}-down"
  resource_group_name = var.platform.monitoring.resource_group_name
  scopes              = [each.value.id, var.platform.monitoring.application_insights_id]
  severity            = 1

  application_insights_web_test_location_availability_criteria {
    web_test_id           = each.value.id
    component_id          = var.platform.monitoring.application_insights_id
    failed_location_count = 2
  }

  action {
    action_group_id = var.platform.monitoring.action_group_id
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
