# The platform stack: cluster, HA Postgres, ingress, DNS, certificates and the platform chart.
# Applied once per environment, before the tenants stack.
terraform {
  required_version = ">= 1.7"

  backend "gcs" {
    bucket = "example-vaccinate-terraform-state"
    prefix = "platform"
  }

  required_providers {
    google     = { source = "hashicorp/google", version = "~> 6.0" }
    helm       = { source = "hashicorp/helm", version = "~> 2.17" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.36" }
  }
}

provider "google" {
  project = "example-vaccinate"
  region  = "europe-west3"
}

data "google_client_config" "current" {}

provider "kubernetes" {
  host                   = module.platform.kubernetes.host
  cluster_ca_certificate = module.platform.kubernetes.cluster_ca_certificate
  token                  = data.google_client_config.current.access_token
}

provider "helm" {
  kubernetes {
    host                   = module.platform.kubernetes.host
    cluster_ca_certificate = module.platform.kubernetes.cluster_ca_certificate
    token                  = data.google_client_config.current.access_token
  }
}

variable "smtp_url" {
  description = "The mail relay with its credentials (TF_VAR_smtp_url); kept out of the code."
  type        = string
  sensitive   = true
}

module "platform" {
  source = "../../../modules/platform-gcp"

  project_id       = "example-vaccinate"
  base_domain      = "vaccinate.example"
  acme_email       = "ops@vaccinate.example"
  alert_email      = "ops@vaccinate.example"
  chart_version    = "0.1.0"
  web_image_tag    = "1.0.0"
  web_image_digest = "sha256:1f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100"

  mailer_image_tag    = "1.0.0"
  mailer_image_digest = "sha256:2f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100"
  mail_from           = "\"Impfzentrum\" <noreply@vaccinate.example>"

  certificates_image_tag    = "1.0.0"
  certificates_image_digest = "sha256:3f5e3c1d2b4a69788776655443322110ffeeddccbbaa99887766554433221100"
  smtp_url                  = var.smtp_url
}

# Issues the tenants' EU DCC Document Signer Certificates (a national CSCA can replace it per tenant).
module "document_signing_ca" {
  source  = "../../../modules/document-signing-ca"
  country = "DE"
}

output "platform" {
  description = "Read by the tenants stack."
  value       = module.platform.platform
}

output "document_signing_ca" {
  description = "Read by the tenants stack (merged into platform)."
  value       = module.document_signing_ca.csca
  sensitive   = true
}

output "kubernetes" {
  description = "Read by the tenants stack."
  value       = module.platform.kubernetes
}

output "mailer" {
  description = "Read by the tenants stack."
  value       = module.platform.mailer
  sensitive   = true
}

output "postgres_admin" {
  description = "Read by the tenants stack."
  value       = module.platform.postgres_admin
  sensitive   = true
}
