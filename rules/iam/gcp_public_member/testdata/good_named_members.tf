resource "google_storage_bucket_iam_member" "team" {
  bucket = "reports"
  role   = "roles/storage.objectViewer"
  member = "group:analysts@example.com"
}

resource "google_pubsub_topic_iam_binding" "publishers" {
  topic   = "events"
  role    = "roles/pubsub.publisher"
  members = ["serviceAccount:app@p.iam.gserviceaccount.com", "domain:example.com"]
}

data "google_iam_policy" "private" {
  binding {
    role    = "roles/viewer"
    members = ["user:jane@example.com"]
  }
}

resource "google_project_iam_policy" "project" {
  project     = "p"
  policy_data = data.google_iam_policy.private.policy_data
}

resource "google_bigquery_dataset" "private" {
  dataset_id = "private"
  access {
    role   = "READER"
    domain = "example.com"
  }
}
