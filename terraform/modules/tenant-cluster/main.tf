# modules/tenant on any existing cluster: a cert-manager Certificate for the tenant's hosts and a
# blackbox-exporter Probe per host with its alert (Prometheus Operator). One block adds a tenant.
terraform {
  required_version = ">= 1.7"
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.36" }
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
  description = "The `platform` output of modules/platform-cluster."
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

# HTTP-01 through the cluster's ingress controller; the tenant chart's Ingress names this Secret
# (platform.tls_secret_name).
resource "kubernetes_manifest" "certificate" {
  manifest = {
    apiVersion = "cert-manager.io/v1"
    kind       = "Certificate"
    metadata   = { name = var.platform.tls_secret_name, namespace = module.tenant.namespace }
    spec = {
      secretName = var.platform.tls_secret_name
      dnsNames   = var.tenant.domains
      issuerRef  = { kind = "ClusterIssuer", name = var.platform.monitoring.cluster_issuer }
    }
  }
}

# The same check the cloud platforms run: the readiness route over HTTPS, on every host.
resource "kubernetes_manifest" "probe" {
  manifest = {
    apiVersion = "monitoring.coreos.com/v1"
    kind       = "Probe"
    metadata   = { name = "tenant-ready", namespace = module.tenant.namespace }
    spec = {
      jobName  = "vaccinate-uptime"
      interval = "60s"
      module   = "http_2xx"
      prober   = { url = var.platform.monitoring.blackbox_exporter_url }
      targets = {
        staticConfig = {
          static = [for domain in var.tenant.domains : "https://${domain}/api/health/ready"]
          labels = { tenant = var.tenant.slug }
        }
      }
    }
  }
}

resource "kubernetes_manifest" "uptime_alert" {
  manifest = {
    apiVersion = "monitoring.coreos.com/v1"
    kind       = "PrometheusRule"
    metadata   = { name = "tenant-uptime", namespace = module.tenant.namespace }
    spec = {
      groups = [{
        name = "vaccinate-uptime"
        rules = [{
          alert       = "VaccinateTenantDown"
          expr        = "probe_success{job=\"vaccinate-uptime\", tenant=\"${var.tenant.slug}\"} == 0"
          for         = "3m"
          labels      = { severity = "critical" }
          annotations = { summary = "{{ $labels.instance }} of tenant ${var.tenant.slug} does not answer ready" }
        }]
      }]
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
