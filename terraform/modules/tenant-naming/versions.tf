# No providers: this module is pure naming and rendering, so `terraform test` runs offline.
terraform {
  required_version = ">= 1.7"
}
