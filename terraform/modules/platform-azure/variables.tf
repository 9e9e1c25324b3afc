variable "location" {
  description = "Azure region with availability zones (the database is zone-redundant)."
  type        = string
  default     = "germanywestcentral"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "vaccinate"
}

variable "base_domain" {
  description = "Tenants get <slug>.<base_domain>; its Azure DNS zone is created here."
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

variable "postgres_sku" {
  description = "Flexible server SKU (General Purpose: zone-redundant HA needs it)."
  type        = string
  default     = "GP_Standard_D2ds_v5"
}
