#include "engine/secrets/secret_heuristics.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline::engine::secrets {
namespace {

TEST(ShannonEntropyTest, KnownValues) {
  EXPECT_DOUBLE_EQ(ShannonEntropy(""), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abcd"), 2.0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("aabb"), 1.0);
  EXPECT_NEAR(ShannonEntropy("ZnR6DqfETVd5j1N7"), 4.0, 1e-9);
  EXPECT_LT(ShannonEntropy("changeme"), 3.0);
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  EXPECT_DOUBLE_EQ(ShannonEntropy(all), 8.0);
}

TEST(IsSecretishNameTest, NamesThatHoldCredentials) {
  for (const char* name : {"password",        "master_password", "DB_PASSWORD",
                           "rootPassword",    "db-pass",         "PGPASSWORD",
                           "secret",          "client_secret",   "aws_secret_access_key",
                           "secret_key",      "access_key",      "AWS_ACCESS_KEY",
                           "api_key",         "apiKey",          "X-API-KEY",
                           "ApiKey",          "token",           "auth_token",
                           "GITHUB_TOKEN",    "private_key",     "privateKey",
                           "credentials",     "passphrase",      "pwd",
                           "vault.secret_id", "encryption_key",  "storage_account_key",
                           "datadog_app_key", "existingSecret",  "secret_string",
                           "private_key_pem", "wifi_psk"}) {
    EXPECT_TRUE(IsSecretishName(name)) << name;
  }
}

TEST(IsSecretishNameTest, NamesThatDescribeOrReferToCredentials) {
  for (const char* name : {"",
                           "name",
                           "description",
                           "kms_key_id",
                           "key",
                           "key_name",
                           "public_key",
                           "ssh_keys",
                           "pgp_key",
                           "secret_name",
                           "secretName",
                           "update_password",
                           "AllowUsersToChangePassword",
                           "random_password",
                           "secret_arn",
                           "password_length",
                           "token_ttl",
                           "password_policy",
                           "secret_version",
                           "token_url",
                           "secrets_manager",
                           "secretsmanager_secret_id",
                           "access_key_id",
                           "aws_access_key_id",
                           "tokenizer",
                           "password_reset_required",
                           "secret_rotation_enabled",
                           "passport",
                           "api",
                           "auth",
                           "secretKeyRef",
                           "token_path",
                           "password_file",
                           "customer_master_key_spec"}) {
    EXPECT_FALSE(IsSecretishName(name)) << name;
  }
}

TEST(LooksLikePlaceholderTest, Placeholders) {
  for (const char* value : {"",
                            "   ",
                            "changeme",
                            "CHANGE_ME",
                            "change-me-please",
                            "<password>",
                            "<YOUR_TOKEN>",
                            "${DB_PASSWORD}",
                            "${var.password}",
                            "{{ .Values.db.password }}",
                            "{{password}}",
                            "%(password)s",
                            "#{secret}",
                            "$API_KEY",
                            "$API_KEY_FROM_VAULT",
                            "%API_KEY%",
                            "xxxxxxxxxxxx",
                            "XXXX-XXXX",
                            "********",
                            "0000000000",
                            "example",
                            "my-example-key",
                            "AKIAIOSFODNN7EXAMPLE",
                            "placeholder",
                            "dummy-token",
                            "REDACTED",
                            "your-api-key",
                            "your_password_here",
                            "YourPwdShouldBeLongAndSecure!",
                            "replace_me",
                            "fake-secret-123",
                            "sample_token",
                            "abc...xyz",
                            "password",
                            "secret",
                            "true",
                            "null",
                            "none",
                            "string",
                            "\"changeme\"",
                            "var.db_password",
                            "local.secret",
                            "module.db.password",
                            "data.vault_generic.x.data",
                            "aws_db_instance.main.password",
                            "random_password.db.result",
                            "each.value.token",
                            "file(\"secret.txt\")",
                            "process.env.API_KEY",
                            "os.environ['TOKEN']",
                            "os.getenv(\"TOKEN\")",
                            "ENV['TOKEN']",
                            "secrets.DEPLOY_TOKEN",
                            "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                            "vault:secret/data/db#password",
                            "ref+vault://secret/db#/password",
                            "projects/p/secrets/db/versions/latest"}) {
    EXPECT_TRUE(LooksLikePlaceholder(value)) << value;
  }
}

TEST(LooksLikePlaceholderTest, LiteralSecretsAreNotPlaceholders) {
  for (const char* value :
       {"ZnR6DqfETVd5j1N7", "c5RIpGuK0Q@Ye6Uamn", "eWPFlRX0c0KAdJ1L46zh",
        "hvs.Tue7fiPgpoiN4au9KWLFbAzj", "qsxRpvED5hJRaOvRTYZPNvS+I4k9GvvK9JkmW378",
        "81ee214e69886dd9078d3fe0a0887bee", "Password123!", "s3cr3t-Pa55",
        // Weak passwords are literal credentials, only weak ones.
        "root", "abc123", "hunter2", "test", "qwerty", "letmein", "admin"}) {
    EXPECT_FALSE(LooksLikePlaceholder(value)) << value;
  }
}

TEST(LooksLikeReferenceTest, ReferencesAndLiterals) {
  EXPECT_TRUE(LooksLikeReference("var.x"));
  EXPECT_TRUE(LooksLikeReference("  local.db_password "));
  EXPECT_TRUE(LooksLikeReference("google_secret_manager_secret_version.db.secret_data"));
  EXPECT_TRUE(LooksLikeReference("base64decode(var.key)"));
  EXPECT_TRUE(LooksLikeReference("$(cat /run/secrets/db)"));
  EXPECT_FALSE(LooksLikeReference("hvs.Tue7fiPgpoiN4au9KWLFbAzj"));
  EXPECT_FALSE(LooksLikeReference("ZnR6DqfETVd5j1N7"));
  EXPECT_FALSE(LooksLikeReference("a.b"));  // not a Terraform root, not a resource type
  EXPECT_FALSE(LooksLikeReference(""));
}

TEST(HasRandomShapeTest, GeneratedCredentials) {
  for (const char* value :
       {"ZnR6DqfETVd5j1N7", "c5RIpGuK0Q@Ye6Uamn", "81ee214e69886dd9078d3fe0a0887bee",
        "qsxRpvED5hJRaOvRTYZPNvS+I4k9GvvK9JkmW378", "Password123", "aB3$kL9#mN2@",
        "HKeSVvNQLzRhWJyvUrpGMcXoaBdEqtwf"}) {
    EXPECT_TRUE(HasRandomShape(value)) << value;
  }
}

TEST(HasRandomShapeTest, WordsNamesPathsUrlsNumbers) {
  for (const char* value :
       {"", "with space 123", "https://vault.example.com/v1/secret", "/run/secrets/db-password",
        "./secrets/token2.txt", "credentials.json", "server.key", "admin@corp.io", "1234567890",
        "2024-01-01", "v1.2.3", "prod-db-01", "my_app_key_v2", "kube-system", "MyAppSecret",
        "RSA_2048", "AES_256_GCM", "secretpassword", "tab\there1A"}) {
    EXPECT_FALSE(HasRandomShape(value)) << value;
  }
}

}  // namespace
}  // namespace faultline::engine::secrets
