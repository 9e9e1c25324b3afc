# Any existing Kubernetes cluster, on-premises included: nothing here talks to a cloud API.

variable "base_domain" {
  description = "Domain whose subdomains the tenants get by default (its DNS points at the ingress controller)."
  type        = string
}

variable "acme_email" {
  description = "Contact of the Let's Encrypt account cert-manager opens."
  type        = string
}

variable "ingress" {
  description = "The cluster's own ingress-nginx controller: its IngressClass and namespace."
  type = object({
    class     = string
    namespace = string
  })
  default = { class = "nginx", namespace = "ingress-nginx" }
}

variable "pod_cidr" {
  description = "The cluster's pod range: the Postgres pods' addresses, for the tenants' egress NetworkPolicy."
  type        = string
}

variable "postgres" {
  description = "CloudNativePG cluster: instances (one primary, the rest synchronous-ready replicas) and volume size."
  type = object({
    instances    = number
    storage_size = string
    image        = string
  })
  default = { instances = 3, storage_size = "50Gi", image = "ghcr.io/cloudnative-pg/postgresql:17.5" }

  validation {
    condition     = var.postgres.instances >= 2
    error_message = "HA needs at least two Postgres instances."
  }
}

variable "blackbox_exporter_url" {
  description = "host:port of the Prometheus blackbox exporter that runs the tenants' uptime probes."
  type        = string
  default     = "prometheus-blackbox-exporter.monitoring.svc:9115"
}

variable "web_image_tag" {
  description = "Tag of the web image, as released by the deploy workflow."
  type        = string
}

variable "web_image_digest" {
  description = "sha256 digest of that tag."
  type        = string
}

variable "image_registry" {
  description = "Registry holding the api, web and mailer images."
  type        = string
  default     = "ghcr.io/vaccinate"
}

variable "chart_repository" {
  description = "Helm repository (OCI) holding charts/tenant and charts/platform."
  type        = string
  default     = "oci://ghcr.io/vaccinate/charts"
}

variable "chart_version" {
  description = "Version of the tenant and platform charts."
  type        = string
}

variable "mailer_image_tag" {
  description = "Tag of the mailer image, as released by the deploy workflow."
  type        = string
}

variable "mailer_image_digest" {
  description = "sha256 digest of that tag."
  type        = string
}

variable "certificates_image_tag" {
  description = "Tag of the certificates function image, as released by the deploy workflow."
  type        = string
}

variable "certificates_image_digest" {
  description = "sha256 digest of that tag."
  type        = string
}

variable "mail_from" {
  description = "Sender of every mail: an address, optionally \"Name\" <address>; each mail shows the tenant's name."
  type        = string
}

variable "mail_provider" {
  description = "smtp (needs smtp_url) or mailjet (needs mailjet)."
  type        = string
  default     = "smtp"

  validation {
    condition     = contains(["smtp", "mailjet"], var.mail_provider)
    error_message = "The mail provider must be smtp or mailjet."
  }
}

variable "smtp_url" {
  description = "smtp://user:password@relay:587 or smtps://...:465 of the mail relay (TF_VAR_smtp_url)."
  type        = string
  default     = null
  sensitive   = true
}

variable "mailjet" {
  description = "Mailjet API key and secret, when mail_provider is mailjet."
  type = object({
    api_key    = string
    api_secret = string
  })
  default   = null
  sensitive = true
}

variable "tracing" {
  description = "OTLP/HTTP collector for traces (e.g. http://otel-collector.observability.svc.cluster.local:4318), the namespace and port the pods may reach it on; an empty otlp_endpoint keeps tracing off."
  type = object({
    otlp_endpoint       = optional(string, "")
    collector_namespace = optional(string, "observability")
    collector_port      = optional(number, 4318)
  })
  default = {}

  validation {
    condition     = var.tracing.otlp_endpoint == "" || can(regex("^https?://[^/]", var.tracing.otlp_endpoint))
    error_message = "tracing.otlp_endpoint must be empty or an http(s) URL."
  }
}
