resource "google_redis_instance" "default_tier" {
  # expect: FL-GCP-0003 "google_redis_instance \"default_tier\" uses the BASIC tier (tier is not set)"
  name           = "default-tier"
  memory_size_gb = 1
}

resource "google_redis_instance" "basic" {
  name           = "basic"
  tier           = "BASIC"
  # expect: FL-GCP-0003 "google_redis_instance \"basic\" uses the BASIC tier: one node"
  memory_size_gb = 1
}
