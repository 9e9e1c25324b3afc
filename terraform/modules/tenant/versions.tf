terraform {
  required_version = ">= 1.7"

  required_providers {
    postgresql = { source = "cyrilgdn/postgresql", version = "~> 1.25" }
    random     = { source = "hashicorp/random", version = "~> 3.6" }
    tls        = { source = "hashicorp/tls", version = "~> 4.0" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.36" }
    helm       = { source = "hashicorp/helm", version = "~> 2.17" }
  }
}
