# The platform's own country signing CA (CSCA) for EU DCC Document Signer Certificates: every tenant's
# certificate key gets a DSC from it. A deployment that issues certificates recognised across the EU
# replaces each tenant's DSC by one from its national CSCA (modules/tenant, variable document_signer).
terraform {
  required_version = ">= 1.7"
  required_providers {
    tls = { source = "hashicorp/tls", version = "~> 4.0" }
  }
}

variable "country" {
  description = "ISO 3166-1 alpha-2 country of the CSCA and of the certificates its DSCs sign."
  type        = string
  default     = "DE"
}

variable "common_name" {
  description = "Subject common name of the CSCA."
  type        = string
  default     = "vaccinate platform CSCA"
}

resource "tls_private_key" "csca" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "tls_self_signed_cert" "csca" {
  private_key_pem = tls_private_key.csca.private_key_pem

  subject {
    country     = var.country
    common_name = var.common_name
  }

  is_ca_certificate     = true
  validity_period_hours = 24 * 365 * 15
  allowed_uses          = ["cert_signing", "crl_signing"]
}

output "csca" {
  description = "Merge into the tenants' `platform` input as document_signing_ca."
  value = {
    country         = var.country
    certificate_pem = tls_self_signed_cert.csca.cert_pem
    private_key_pem = tls_private_key.csca.private_key_pem
  }
  sensitive = true
}
