variable "project_id" {
  description = "Google Cloud project."
  type        = string
}

variable "region" {
  description = "Region of the cluster and the database (regional = multi-zone)."
  type        = string
  default     = "europe-west3"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "vaccinate"
}

variable "base_domain" {
  description = "Tenants get <slug>.<base_domain>; its Cloud DNS zone is created here."
  type        = string
}

variable "acme_email" {
  description = "Contact for Let's Encrypt (wildcard certificate via DNS-01)."
  type        = string
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

variable "postgres_tier" {
  description = "Cloud SQL machine tier."
  type        = string
  default     = "db-custom-2-7680"
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

variable "alert_email" {
  description = "Where uptime alerts of every tenant go."
  type        = string
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
