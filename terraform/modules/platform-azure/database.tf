resource "random_password" "postgres_admin" {
  length  = 32
  special = false
}

# One zone-redundant HA server shared by every tenant; each tenant gets its own database and
# role from modules/tenant.
resource "azurerm_postgresql_flexible_server" "main" {
  name                          = "${var.name}-postgres"
  location                      = azurerm_resource_group.main.location
  resource_group_name           = azurerm_resource_group.main.name
  version                       = "16"
  sku_name                      = var.postgres_sku
  storage_mb                    = 65536
  zone                          = "1"
  delegated_subnet_id           = azurerm_subnet.postgres.id
  private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
  public_network_access_enabled = false
  administrator_login           = "vaccinate_admin"
  administrator_password        = random_password.postgres_admin.result
  backup_retention_days         = 14
  geo_redundant_backup_enabled  = true

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [azurerm_private_dns_zone_virtual_network_link.postgres]
}

resource "azurerm_postgresql_flexible_server_configuration" "max_connections" {
  name      = "max_connections"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "800"
}
