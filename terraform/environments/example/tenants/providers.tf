# The tenants stack: one file per tenant (tenant-<slug>.tf), everything else is shared here.
terraform {
  required_version = ">= 1.7"

  backend "gcs" {
    bucket = "example-vaccinate-terraform-state"
    prefix = "tenants"
  }

  required_providers {
    google     = { source = "hashicorp/google", version = "~> 6.0" }
    postgresql = { source = "cyrilgdn/postgresql", version = "~> 1.25" }
    helm       = { source = "hashicorp/helm", version = "~> 2.17" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.36" }
  }
}

data "terraform_remote_state" "platform" {
  backend = "gcs"
  config = {
    bucket = "example-vaccinate-terraform-state"
    prefix = "platform"
  }
}

locals {
  # The mailer's shared key rides along in `platform`, so every tenant's Secret gets MAILER_API_KEY.
  platform = merge(
    data.terraform_remote_state.platform.outputs.platform,
    {
      mailer_api_key      = try(data.terraform_remote_state.platform.outputs.mailer.api_key, null)
      document_signing_ca = data.terraform_remote_state.platform.outputs.document_signing_ca
    },
  )
  kubernetes     = data.terraform_remote_state.platform.outputs.kubernetes
  postgres_admin = data.terraform_remote_state.platform.outputs.postgres_admin
}

provider "google" {
  project = "example-vaccinate"
  region  = "europe-west3"
}

data "google_client_config" "current" {}

provider "kubernetes" {
  host                   = local.kubernetes.host
  cluster_ca_certificate = local.kubernetes.cluster_ca_certificate
  token                  = data.google_client_config.current.access_token
}

provider "helm" {
  kubernetes {
    host                   = local.kubernetes.host
    cluster_ca_certificate = local.kubernetes.cluster_ca_certificate
    token                  = data.google_client_config.current.access_token
  }
}

# Cloud SQL has a private address only: run this stack from inside the VPC (CI runner or
# bastion), or through the Cloud SQL Auth Proxy with host = "127.0.0.1".
provider "postgresql" {
  host      = local.postgres_admin.host
  port      = local.postgres_admin.port
  username  = local.postgres_admin.username
  password  = local.postgres_admin.password
  sslmode   = local.postgres_admin.sslmode
  superuser = false
}
