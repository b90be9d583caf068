variable "location" {
  type = string
}

resource "google_container_cluster" "main" {
  name               = "main"
  location           = var.location
  initial_node_count = 1
}
