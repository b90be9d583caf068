resource "google_container_cluster" "regional" {
  name               = "regional"
  location           = "us-central1"
  node_locations     = ["us-central1-a", "us-central1-b"]
  initial_node_count = 1
}

resource "google_container_cluster" "provider_default" {
  name               = "provider-default"
  initial_node_count = 1
}
