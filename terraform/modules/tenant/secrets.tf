# Generated once and kept in state (encrypt the state backend): rotating the field key means
# adding v2 to FIELD_KEYS, never replacing v1, or stored data can no longer be read.

resource "random_bytes" "field_key_v1" {
  length = 32
}

resource "random_bytes" "certificate_secret" {
  length = 32
}

resource "tls_private_key" "token_signing" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "random_password" "initial_admin" {
  length  = 20
  special = false
}

locals {
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
