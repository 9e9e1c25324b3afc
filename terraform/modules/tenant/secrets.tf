# Generated once and kept in state (encrypt the state backend): rotating the field key means
# adding v2 to FIELD_KEYS, never replacing v1, or stored data can no longer be read.

resource "random_bytes" "field_key_v1" {
  length = 32
}

resource "random_bytes" "certificate_secret" {
  length = 32
}

# Staff access tokens and certificates are signed with keys of their own. Rotating one means adding
# a v2 resource, making it current in the chart values (api.accessTokenKeyCurrent,
# api.certificateSigningKeyCurrent) and keeping v1 until what it signed has expired (docs/signing-keys.md).
# The single key of earlier versions, which signed staff tokens and certificates alike. Kept so the
# certificates it signed still verify: its public half is a retired certificate key (id legacy).
# Set publish_legacy_signing_key = false once they have expired (a year after the upgrade).
resource "tls_private_key" "token_signing" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "tls_private_key" "access_token_v1" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "tls_private_key" "certificate_signing_v1" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

# The EU DCC Document Signer Certificate of the certificate key, from the platform CSCA. The tls
# provider cannot set the vaccination extended key usage (1.3.6.1.4.1.1847.2021.1.2); without an
# EKU a DSC may sign every DCC type, which the EU profile allows.
resource "tls_cert_request" "document_signer_v1" {
  private_key_pem = tls_private_key.certificate_signing_v1.private_key_pem

  subject {
    country     = var.platform.document_signing_ca.country
    common_name = "${var.slug} document signer v1"
  }
}

resource "tls_locally_signed_cert" "document_signer_v1" {
  cert_request_pem   = tls_cert_request.document_signer_v1.cert_request_pem
  ca_private_key_pem = var.platform.document_signing_ca.private_key_pem
  ca_cert_pem        = var.platform.document_signing_ca.certificate_pem

  # One year of signing plus one year of validity of the last certificate signed.
  validity_period_hours = 24 * 365 * 2
  allowed_uses          = ["digital_signature"]
}

resource "random_password" "initial_admin" {
  length  = 20
  special = false
}

locals {
  # PEM to the base64 DER the API reads (`<id>:<base64 DER>` entries).
  access_token_keys = "v1:${replace(replace(tls_private_key.access_token_v1.private_key_pem_pkcs8, "/-----[A-Z ]+-----/", ""), "/\\s/", "")}"
  certificate_signing_keys = join(",", concat(
    ["v1:${replace(replace(tls_private_key.certificate_signing_v1.private_key_pem_pkcs8, "/-----[A-Z ]+-----/", ""), "/\\s/", "")}"],
    var.publish_legacy_signing_key ? ["legacy:${replace(replace(tls_private_key.token_signing.public_key_pem, "/-----[A-Z ]+-----/", ""), "/\\s/", "")}"] : [],
  ))
  document_signer_pem = var.document_signer == null ? tls_locally_signed_cert.document_signer_v1.cert_pem : var.document_signer.certificate_pem
  csca_pem            = var.document_signer == null ? var.platform.document_signing_ca.certificate_pem : var.document_signer.csca_certificate_pem
  signer_certificates = "v1:${replace(replace(local.document_signer_pem, "/-----[A-Z ]+-----/", ""), "/\\s/", "")}"
  csca_der_base64     = replace(replace(local.csca_pem, "/-----[A-Z ]+-----/", ""), "/\\s/", "")

  database_url = format(
    "postgres://%s:%s@%s:%d/%s?sslmode=%s",
    postgresql_role.tenant.name,
    urlencode(random_password.database.result),
    var.platform.postgres_host,
    var.platform.postgres_port,
    postgresql_database.tenant.name,
    var.platform.postgres_ssl,
  )
}
