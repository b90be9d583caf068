resource "google_storage_bucket_iam_member" "public" {
  bucket = "reports"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
  # expect: FL-IAM-0005 "google_storage_bucket_iam_member \"public\" grants roles/storage.objectViewer to anyone on the internet (allUsers)"
}

resource "google_cloud_run_service_iam_binding" "invokers" {
  service = "api"
  role    = "roles/run.invoker"
  members = ["user:jane@example.com", "allAuthenticatedUsers"]
  # expect: FL-IAM-0005 "grants roles/run.invoker to anyone with a Google account (allAuthenticatedUsers)"
}

data "google_iam_policy" "public" {
  binding {
    role    = "roles/cloudkms.cryptoKeyEncrypter"
    members = ["allUsers"]
  }
}

resource "google_kms_crypto_key_iam_policy" "key" {
  crypto_key_id = "projects/p/locations/global/keyRings/r/cryptoKeys/k"
  policy_data   = data.google_iam_policy.public.policy_data
  # expect: FL-IAM-0005 "google_kms_crypto_key_iam_policy \"key\" (through data \"google_iam_policy\" \"public\") grants roles/cloudkms.cryptoKeyEncrypter to anyone on the internet"
}

data "google_iam_policy" "unused" {
  binding {
    role    = "roles/viewer"
    members = ["allAuthenticatedUsers"]
    # expect: FL-IAM-0005 "data \"google_iam_policy\" \"unused\" grants roles/viewer to anyone with a Google account"
  }
}

resource "google_bigquery_dataset" "shared" {
  dataset_id = "shared"
  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers"
    # expect: FL-IAM-0005 "google_bigquery_dataset \"shared\" grants READER to anyone with a Google account"
  }
}

resource "google_storage_bucket_acl" "acl" {
  bucket      = "reports"
  role_entity = ["OWNER:user-jane@example.com", "READER:allUsers"]
  # expect: FL-IAM-0005 "anyone on the internet (allUsers)"
}
