# The tenant's own role and database on the shared instance, as provisionTenantDatabase in
# libs/tenant-provisioning does locally: owned by the role, CONNECT revoked from PUBLIC.

resource "random_password" "database" {
  length  = 32
  special = false
}

resource "postgresql_role" "tenant" {
  name            = module.naming.role_name
  login           = true
  password        = random_password.database.result
  inherit         = false
  create_database = false
  create_role     = false
  superuser       = false
}

resource "postgresql_database" "tenant" {
  name              = module.naming.database_name
  owner             = postgresql_role.tenant.name
  encoding          = "UTF8"
  template          = "template0"
  allow_connections = true

  # Dropping a tenant's database must be a deliberate, two-step act.
  lifecycle {
    prevent_destroy = true
  }
}

resource "postgresql_grant" "revoke_public" {
  database    = postgresql_database.tenant.name
  role        = "public"
  object_type = "database"
  privileges  = []
}

resource "postgresql_grant" "tenant_connect" {
  database    = postgresql_database.tenant.name
  role        = postgresql_role.tenant.name
  object_type = "database"
  privileges  = ["CONNECT", "TEMPORARY"]
}
