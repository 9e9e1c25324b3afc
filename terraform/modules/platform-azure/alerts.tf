# Uptime alerts of every tenant (modules/tenant-azure) notify this action group.
resource "azurerm_monitor_action_group" "ops" {
  name                = "vaccinate-operators"
  resource_group_name = azurerm_resource_group.main.name
  short_name          = "vaccinate"

  email_receiver {
    name          = "operators"
    email_address = var.alert_email
  }
}
