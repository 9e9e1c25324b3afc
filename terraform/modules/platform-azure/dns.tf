resource "azurerm_dns_zone" "tenants" {
  name                = var.base_domain
  resource_group_name = azurerm_resource_group.main.name
}

# Every <slug>.<base_domain> reaches the ingress controller; no DNS change per tenant.
resource "azurerm_dns_a_record" "wildcard" {
  name                = "*"
  zone_name           = azurerm_dns_zone.tenants.name
  resource_group_name = azurerm_resource_group.main.name
  ttl                 = 300
  records             = [azurerm_public_ip.ingress.ip_address]
}

resource "azurerm_log_analytics_workspace" "main" {
  name                = var.name
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  retention_in_days   = 30
}

# Home of the per-tenant availability tests (modules/tenant-azure).
resource "azurerm_application_insights" "main" {
  name                = var.name
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  workspace_id        = azurerm_log_analytics_workspace.main.id
  application_type    = "web"
}
