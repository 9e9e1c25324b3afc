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
  description = "Registry holding the api and web images."
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
