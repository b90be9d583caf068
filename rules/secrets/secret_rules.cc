// The built-in secret rules. One entry per rule, with the texts it must and must not match.
//
// Every example value below is randomly generated (or a provider's published documentation
// example); none is a real credential. Patterns are written for this project in RE2 syntax
// after studying the token formats providers document; gitleaks' rule set inspired the
// data-with-examples layout.
#include "rules/secrets/secret_rules.h"

#include <string>
#include <vector>

namespace faultline::rules::secrets {

namespace {

using engine::Severity;
using engine::secrets::kRejectPlaceholder;
using engine::secrets::kRequireRandomShape;
using engine::secrets::kRequireSecretishKey;
using engine::secrets::SecretRuleSpec;

// Entropy floor of the first body line of a PEM private key. The BEGIN ... PRIVATE KEY marker
// is the evidence; the floor only rejects filler. It stays below 4: the first line of an
// OpenSSH key is a fixed header ("openssh-key-v1", "none", counts: b3BlbnNzaC1rZXktdjEAAAAA...)
// with about 3.9 bits per byte.
constexpr double kPemBodyMinEntropy = 3.5;

// Keywords of the key-name based rules (lowercase: case-insensitive).
std::vector<std::string> SecretishKeywords() {
  return {"pass",        "pwd",         "secret",      "token",          "credential",
          "creds",       "psk",         "api_key",     "apikey",         "api-key",
          "api.key",     "access_key",  "accesskey",   "access-key",     "private_key",
          "privatekey",  "private-key", "auth_key",    "authkey",        "master_key",
          "masterkey",   "signing_key", "signingkey",  "encryption_key", "encryptionkey",
          "account_key", "accountkey",  "license_key", "licensekey",     "app_key",
          "appkey",      "shared_key",  "sharedkey",   "client_key",     "clientkey"};
}

}  // namespace

const std::vector<SecretRuleSpec>& BuiltinSecretRules() {
  static const std::vector<SecretRuleSpec> kRules = {
      // ---------------------------------------------------------------- Amazon Web Services
      {
          .id = "FL-SEC-0001",
          .name = "secret-aws-access-key-id",
          .title = "AWS access key ID",
          .kind = "aws access key id",
          .severity = Severity::kHigh,
          .keywords = {"AKIA", "ASIA", "ABIA", "ACCA"},
          .regex = R"re(\b(?P<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b)re",
          .checks = kRejectPlaceholder,
          .example_regex = R"re(EXAMPLE$)re",
          .true_positives =
              {
                  "AWS_ACCESS_KEY_ID=AKIAVMLYFBDCX57EZHFQ",
                  R"(  access_key = "ASIAUOFZL4KXPOLCQWDB")",
                  "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
              },
          .false_positives =
              {
                  "AKIAXXXXXXXXXXXXXXXX",
                  "ASIA-PACIFIC region list",
                  "xAKIAVMLYFBDCX57EZHFQ",
                  "AKIAVMLYFBDCX57EZHF",
              },
          .why = "An access key ID identifies an IAM user's long-term key pair; where the ID is "
                 "committed, the secret access key usually is too, and the ID alone tells an "
                 "attacker which account and user to target.",
          .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-"
                         "keys.html"},
      },
      {
          .id = "FL-SEC-0002",
          .name = "secret-aws-secret-access-key",
          .title = "AWS secret access key",
          .kind = "aws secret access key",
          .severity = Severity::kCritical,
          .keywords = {"secret_access", "secretaccess", "secret-access", "secret_key", "secretkey",
                       "secret-key", "aws_secret", "aws-secret"},
          .regex =
              R"re((?im)(?P<key>(?:aws)?[_.\-]?secret[_.\-]?(?:access)?[_.\-]?key)["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))re",
          .min_entropy = 3.5,
          .checks = kRejectPlaceholder,
          .example_regex = R"re(EXAMPLEKEY$)re",
          .true_positives =
              {
                  "AWS_SECRET_ACCESS_KEY: \"P9zyBylxLUTZtFf+VnV7ktOdSJcmeA/BHJ2m5qGe\"",
                  "aws_secret_access_key = P9zyBylxLUTZtFf+VnV7ktOdSJcmeA/BHJ2m5qGe",
                  R"(  secret_key = "P9zyBylxLUTZtFf+VnV7ktOdSJcmeA/BHJ2m5qGe")",
                  "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
              },
          .false_positives =
              {
                  "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
                  "aws_secret_access_key: !Ref SecretAccessKeyParameter",
                  "aws_secret_access_key = 0000000000000000000000000000000000000000",
                  "aws_secret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
              },
          .why = "A secret access key signs API requests as its IAM user: whoever holds it has "
                 "every permission of that user until the key is deactivated.",
          .references = {"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-"
                         "keys.html"},
      },
      {
          .id = "FL-SEC-0003",
          .name = "secret-aws-session-token",
          .title = "AWS session token",
          .kind = "aws session token",
          .severity = Severity::kHigh,
          .keywords = {"session_token", "sessiontoken", "session-token", "security_token",
                       "securitytoken"},
          .regex =
              R"re((?i)(?P<key>(?:aws)?[_.\-]?(?:session|security)[_.\-]?token)["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE|FQoGZXIvYXdzE)[A-Za-z0-9/+=]{100,}))re",
          .checks = kRejectPlaceholder,
          .true_positives =
              {
                  "aws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD"
                  "4ZymYWU7otMdRzDTn7qLWaYyDZymYWU7otMdRzDTn7qLWaYyD5KaPHI2ufKssJIfIZwXeozLH5q41H"
                  "P9zyBylxLUTZtFf",
              },
          .false_positives = {"aws_session_token = ${AWS_SESSION_TOKEN}"},
      },
      // ---------------------------------------------------------------- GitHub
      {
          .id = "FL-SEC-0004",
          .name = "secret-github-personal-access-token",
          .title = "GitHub personal access token (classic)",
          .kind = "github personal access token",
          .severity = Severity::kHigh,
          .keywords = {"ghp_"},
          .regex = R"re(\b(?P<secret>ghp_[A-Za-z0-9]{36})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"GITHUB_TOKEN=ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"},
          .false_positives = {"GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                              "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO"},
          .references = {"https://github.blog/2021-04-05-behind-githubs-new-authentication-token-"
                         "formats/"},
      },
      {
          .id = "FL-SEC-0005",
          .name = "secret-github-oauth-token",
          .title = "GitHub OAuth access token",
          .kind = "github oauth access token",
          .severity = Severity::kHigh,
          .keywords = {"gho_"},
          .regex = R"re(\b(?P<secret>gho_[A-Za-z0-9]{36})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"(token: "gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR")"},
          .false_positives = {"gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFRextra"},
      },
      {
          .id = "FL-SEC-0006",
          .name = "secret-github-user-to-server-token",
          .title = "GitHub App user-to-server token",
          .kind = "github app user-to-server token",
          .severity = Severity::kHigh,
          .keywords = {"ghu_"},
          .regex = R"re(\b(?P<secret>ghu_[A-Za-z0-9]{36})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"Authorization: token ghu_IBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7"},
          .false_positives = {"prefix ghu_ only"},
      },
      {
          .id = "FL-SEC-0007",
          .name = "secret-github-server-to-server-token",
          .title = "GitHub App installation (server-to-server) token",
          .kind = "github app installation token",
          .severity = Severity::kHigh,
          .keywords = {"ghs_"},
          .regex = R"re(\b(?P<secret>ghs_[A-Za-z0-9]{36})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"export GH_APP_TOKEN=ghs_FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPK"},
          .false_positives = {"ghs_<installation token>"},
      },
      {
          .id = "FL-SEC-0008",
          .name = "secret-github-refresh-token",
          .title = "GitHub refresh token",
          .kind = "github refresh token",
          .severity = Severity::kHigh,
          .keywords = {"ghr_"},
          .regex = R"re(\b(?P<secret>ghr_[A-Za-z0-9]{36,})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"refresh_token=ghr_R0CsTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y9"
                             "ojfljoQoaF1LlqsajAIxNKu8iS2"},
          .false_positives = {"ghr_short123"},
      },
      {
          .id = "FL-SEC-0009",
          .name = "secret-github-fine-grained-token",
          .title = "GitHub fine-grained personal access token",
          .kind = "github fine-grained personal access token",
          .severity = Severity::kHigh,
          .keywords = {"github_pat_"},
          .regex = R"re(\b(?P<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"GH_TOKEN: github_pat_G8NPRVdD53X83RZJzzzzgE_OzdmenCkhvMdgaKjIg8xNbe3"
                             "nNyjOq9wMxEhh2FDEEtfjgVvVqE1SkHbn88"},
          .false_positives = {"github_pat_<your token here>"},
      },
      // ---------------------------------------------------------------- GitLab
      {
          .id = "FL-SEC-0010",
          .name = "secret-gitlab-personal-access-token",
          .title = "GitLab personal, project or group access token",
          .kind = "gitlab access token",
          .severity = Severity::kHigh,
          .keywords = {"glpat-"},
          .regex =
              R"re((?m)\b(?P<secret>glpat-[A-Za-z0-9_\-]{20}[A-Za-z0-9_\-.]*)(?:[^A-Za-z0-9_\-.]|$))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"(curl -H "PRIVATE-TOKEN: glpat-UsdMlHUvTCQCyEZDz_Td" https://x)"},
          .false_positives = {"glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-short"},
          .references = {"https://docs.gitlab.com/ee/security/token_overview.html"},
      },
      {
          .id = "FL-SEC-0011",
          .name = "secret-gitlab-runner-token",
          .title = "GitLab runner authentication token",
          .kind = "gitlab runner token",
          .severity = Severity::kHigh,
          .keywords = {"glrt-", "GR1348941"},
          .regex = R"re(\b(?P<secret>(?:glrt-|GR1348941)[A-Za-z0-9_\-]{20,})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"token = \"glrt-bYrEqmSM9wCZ7Uw9xfog\""},
          .false_positives = {"token = \"glrt-REPLACE_ME_WITH_TOKEN\""},
      },
      {
          .id = "FL-SEC-0012",
          .name = "secret-gitlab-deploy-or-trigger-token",
          .title = "GitLab deploy token or pipeline trigger token",
          .kind = "gitlab deploy or trigger token",
          .severity = Severity::kHigh,
          .keywords = {"gldt-", "glptt-"},
          .regex = R"re(\b(?P<secret>gldt-[A-Za-z0-9_\-]{20,}|glptt-[0-9a-f]{40})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"TRIGGER=glptt-7f6a6f0fb23c6f5da2cec255404e4fb440034d66",
                             "deploy_token: gldt-bqnsGpWLuqIA1id6Vw5D"},
          .false_positives = {"glptt-zzzz"},
      },
      // ---------------------------------------------------------------- Slack
      {
          .id = "FL-SEC-0013",
          .name = "secret-slack-bot-token",
          .title = "Slack bot token",
          .kind = "slack bot token",
          .severity = Severity::kHigh,
          .keywords = {"xoxb-"},
          .regex = R"re(\b(?P<secret>xoxb-[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9]{20,34})\b)re",
          .checks = kRejectPlaceholder,
          .true_positives = {"SLACK_BOT_TOKEN=xoxb-742795434833-8398153154612-064GiIjHGb3CXlMaX"
                             "ZjljENU"},
          .false_positives = {"SLACK_BOT_TOKEN=xoxb-your-token"},
          .references = {"https://api.slack.com/authentication/token-types"},
      },
      {
          .id = "FL-SEC-0014",
          .name = "secret-slack-user-token",
          .title = "Slack user or legacy token",
          .kind = "slack user token",
          .severity = Severity::kHigh,
          .keywords = {"xoxp-", "xoxe-", "xoxa-", "xoxo-", "xoxr-", "xoxs-"},
          .regex = R"re(\b(?P<secret>xox[pearos](?:-[0-9]{8,13}){2,3}-[A-Za-z0-9]{20,64})\b)re",
          .checks = kRejectPlaceholder,
          .true_positives = {"token: xoxp-710402197853-456747522506-669866273968-f3176813e02ea68"
                             "ef786e4d3cea27d26"},
          .false_positives = {"xoxp-1234"},
      },
      {
          .id = "FL-SEC-0015",
          .name = "secret-slack-app-token",
          .title = "Slack app-level token",
          .kind = "slack app-level token",
          .severity = Severity::kHigh,
          .keywords = {"xapp-"},
          .regex = R"re(\b(?P<secret>xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,13}-[a-f0-9]{32,80})\b)re",
          .checks = kRejectPlaceholder,
          .true_positives = {"SLACK_APP_TOKEN=xapp-1-ATHJXJQI3OG-3862540988250-75dcad6ba2b0aee0"
                             "ca923732881584d8c4fa2815d2802827283e0ad841735815"},
          .false_positives = {"SLACK_APP_TOKEN=xapp-1-..."},
      },
      {
          .id = "FL-SEC-0016",
          .name = "secret-slack-webhook-url",
          .title = "Slack incoming webhook URL",
          .kind = "slack webhook url",
          .severity = Severity::kHigh,
          .keywords = {"hooks.slack.com"},
          .regex =
              R"re((?P<secret>https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_]{6,16}/[A-Za-z0-9_]{6,16}/[A-Za-z0-9_]{16,64}))re",
          .checks = kRejectPlaceholder,
          .true_positives = {R"(curl -X POST "https://hooks.slack.com/services/TMTT7NS26/BLRWBQC)"
                             R"(AB/UGJmGEp7CgQ0PBQFI14zGtSn" -d @m.json)"},
          .false_positives = {"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXX"
                              "XXXXXXXXXXX",
                              "see https://hooks.slack.com/services/ for details"},
      },
      // ---------------------------------------------------------------- Stripe
      {
          .id = "FL-SEC-0017",
          .name = "secret-stripe-secret-key",
          .title = "Stripe live secret key",
          .kind = "stripe live secret key",
          .severity = Severity::kCritical,
          .keywords = {"sk_live_"},
          .regex = R"re(\b(?P<secret>sk_live_[A-Za-z0-9]{24,})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"STRIPE_KEY=sk_live_ovm14TUOizwd1iaeOV4qBkdf"},
          .false_positives = {"STRIPE_KEY=sk_test_ovm14TUOizwd1iaeOV4qBkdf",
                              "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"},
          .references = {"https://docs.stripe.com/keys"},
      },
      {
          .id = "FL-SEC-0018",
          .name = "secret-stripe-restricted-key",
          .title = "Stripe live restricted key",
          .kind = "stripe live restricted key",
          .severity = Severity::kHigh,
          .keywords = {"rk_live_"},
          .regex = R"re(\b(?P<secret>rk_live_[A-Za-z0-9]{24,})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"("stripe_restricted_key": "rk_live_Q1y3GQsMpSscDlkrCaqx9vJu")"},
          .false_positives = {"rk_live_"},
      },
      // ---------------------------------------------------------------- Google Cloud
      {
          .id = "FL-SEC-0019",
          .name = "secret-google-api-key",
          .title = "Google API key",
          .kind = "google api key",
          .severity = Severity::kHigh,
          .keywords = {"AIza"},
          .regex = R"re((?m)\b(?P<secret>AIza[0-9A-Za-z_\-]{35})(?:[^0-9A-Za-z_\-]|$))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"maps_key = \"AIzaFeNBTxaQWk8JzFalHlsZfYcMMDktXP_tKsf\""},
          .false_positives = {"AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                              "AIzaFeNBTxaQWk8JzFalHlsZfYcMMDktXP_tKsfLONGER"},
          .references = {"https://cloud.google.com/docs/authentication/api-keys"},
      },
      {
          .id = "FL-SEC-0020",
          .name = "secret-gcp-service-account-key",
          .title = "GCP service account private key (JSON key file)",
          .kind = "gcp service account private key",
          .severity = Severity::kCritical,
          .keywords = {"private_key"},
          .regex =
              R"re("private_key"\s*:\s*"(?P<range>-----BEGIN PRIVATE KEY-----(?:\\r)?\\n(?P<secret>[A-Za-z0-9+/=]{40,})))re",
          .min_entropy = 4.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {R"(  "private_key": "-----BEGIN PRIVATE KEY-----\nIZ4efsJ7q1JWAbzdHzDNpZgckuG)"
               R"(kUX/ERaPfDO0M147gpnShgwihqKUpDk3JLg6DdJebFTAgZFp4Zjy8\n-----END PRIVATE KEY-----\n",)"},
          .false_positives =
              {R"("private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n")",
               R"("private_key": "")"},
          .why = "A service account key authenticates as the service account from anywhere, "
                 "without expiry, with every role granted to it.",
          .references = {"https://cloud.google.com/iam/docs/best-practices-for-managing-service-"
                         "account-keys"},
      },
      // ---------------------------------------------------------------- Microsoft Azure
      {
          .id = "FL-SEC-0021",
          .name = "secret-azure-storage-connection-string",
          .title = "Azure storage connection string with account key",
          .kind = "azure storage account key in a connection string",
          .severity = Severity::kCritical,
          .keywords = {"accountkey="},
          .regex = R"re((?i)AccountName=[^;\s"']+;\s*AccountKey=(?P<secret>[A-Za-z0-9+/]{86}==))re",
          .min_entropy = 4.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"DefaultEndpointsProtocol=https;AccountName=stprod;AccountKey=fIVsDbZZzoc"
               "vRrm8svsyo0+dgoPWfy50N/tkTPY3bLmmN/DEP8EKfJ5ftaOgYJJHglvar0x/ibmY54Jrx55dCQ"
               "==;EndpointSuffix=core.windows.net"},
          .false_positives =
              {"DefaultEndpointsProtocol=https;AccountName=stprod;AccountKey=${KEY}"},
          .references = {"https://learn.microsoft.com/azure/storage/common/storage-configure-"
                         "connection-string"},
      },
      {
          .id = "FL-SEC-0022",
          .name = "secret-azure-storage-account-key",
          .title = "Azure storage account access key",
          .kind = "azure storage account key",
          .severity = Severity::kCritical,
          .keywords = {"account_key", "accountkey", "account-key", "access_key", "accesskey",
                       "access-key", "storage_key", "storagekey", "storage-key"},
          .regex =
              R"re((?i)(?P<key>[\w.\-]*(?:account|access|storage)[_.\-]?key)["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[A-Za-z0-9+/]{86}==))re",
          .min_entropy = 4.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"  storage_account_access_key = \"fIVsDbZZzocvRrm8svsyo0+dgoPWfy50N/t"
                             "kTPY3bLmmN/DEP8EKfJ5ftaOgYJJHglvar0x/ibmY54Jrx55dCQ==\""},
          .false_positives = {"storage_account_access_key = azurerm_storage_account.sa.primary_"
                              "access_key"},
      },
      {
          .id = "FL-SEC-0023",
          .name = "secret-azure-sas-token",
          .title = "Azure shared access signature",
          .kind = "azure shared access signature",
          .severity = Severity::kHigh,
          .keywords = {"sig="},
          .regex =
              R"re((?i)[?&;]sv=\d{4}-\d\d-\d\d&[^\s"'<>]*?\bsig=(?P<secret>[A-Za-z0-9%+/]{40,}(?:%3D|=){0,2}))re",
          .min_entropy = 3.5,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"https://stprod.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=co&sp=r"
               "&se=2030-01-01T00:00:00Z&sig=01T5GOBUSZGi6HWGK10Zb0RLZ5TR9SPofbciOx9gy1C%3D"},
          .false_positives = {"https://x.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>"},
      },
      {
          .id = "FL-SEC-0024",
          .name = "secret-azure-ad-client-secret",
          .title = "Microsoft Entra ID (Azure AD) client secret",
          .kind = "azure ad client secret",
          .severity = Severity::kHigh,
          .keywords = {"Q~"},
          .regex =
              R"re((?m)(?:^|[\\'"`\s>=:(,])(?P<secret>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?:$|[\\'"`\s<),;]))re",
          .min_entropy = 3.5,
          .checks = kRejectPlaceholder,
          .true_positives = {"client_secret = \"JdO8Q~cF_Ha6i.li8GjHEAD6~Wj9KfzjsQGMrb9h\""},
          .false_positives = {"client_secret = \"abc8Q~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\""},
      },
      // ---------------------------------------------------------------- Messaging and email
      {
          .id = "FL-SEC-0025",
          .name = "secret-twilio-api-key",
          .title = "Twilio API key SID",
          .kind = "twilio api key",
          .severity = Severity::kHigh,
          .keywords = {"SK"},
          .regex = R"re(\b(?P<secret>SK[0-9a-fA-F]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"("twilio_api_key": "SKf836f99eee3692f09e2e8c662248b483")"},
          .false_positives = {"DISK0123456789abcdef0123456789abcdef0",
                              "SK00000000000000000000000000000000"},
      },
      {
          .id = "FL-SEC-0026",
          .name = "secret-twilio-auth-token",
          .title = "Twilio auth token",
          .kind = "twilio auth token",
          .severity = Severity::kHigh,
          .keywords = {"twilio"},
          .regex =
              R"re((?i)(?P<key>twilio[\w.\-]*(?:auth[_.\-]?token|secret|token))["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[0-9a-f]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"TWILIO_AUTH_TOKEN=b7ffc050fec94dbca3a0aac36098b2cc"},
          .false_positives = {"TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}"},
      },
      {
          .id = "FL-SEC-0027",
          .name = "secret-sendgrid-api-key",
          .title = "SendGrid API key",
          .kind = "sendgrid api key",
          .severity = Severity::kHigh,
          .keywords = {"SG."},
          .regex =
              R"re((?m)\b(?P<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"SENDGRID_API_KEY=SG.jU2JgJngKtFI3OyV2dZAkg.05rK_gqv81RKMGHZEM9YpvujA-"
                             "C5Q52ryFlwRlOEVHz"},
          .false_positives = {"SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxx"},
      },
      {
          .id = "FL-SEC-0028",
          .name = "secret-mailgun-api-key",
          .title = "Mailgun API key",
          .kind = "mailgun api key",
          .severity = Severity::kHigh,
          .keywords = {"key-"},
          .regex = R"re((?m)(?:^|[^A-Za-z0-9_\-])(?P<secret>key-[0-9a-f]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"MAILGUN_API_KEY=key-0dcd6c8a1f8b46287cced9041dff02ce"},
          .false_positives = {"ssh-key-0dcd6c8a1f8b46287cced9041dff02ce",
                              "key-00000000000000000000000000000000"},
      },
      // ---------------------------------------------------------------- Package registries
      {
          .id = "FL-SEC-0029",
          .name = "secret-npm-access-token",
          .title = "npm access token",
          .kind = "npm access token",
          .severity = Severity::kHigh,
          .keywords = {"npm_"},
          .regex = R"re(\b(?P<secret>npm_[A-Za-z0-9]{36})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"//registry.npmjs.org/:_authToken=npm_CpYgojjHRg80USP2W5DfJXcaYioK6cP"
                             "Tt9iO"},
          .false_positives = {"npm_config_cache=/tmp/npm_cache_directory_for_builds_x"},
          .references = {"https://docs.npmjs.com/about-access-tokens"},
      },
      {
          .id = "FL-SEC-0030",
          .name = "secret-npmrc-auth-token",
          .title = "Registry auth token in an .npmrc",
          .kind = "npm registry auth token",
          .severity = Severity::kHigh,
          .keywords = {"_authtoken", "_auth="},
          .regex =
              R"re((?i)(?P<key>_authToken|_auth)\s*=\s*["']?(?P<secret>[A-Za-z0-9_\-.+/=]{20,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"//npm.pkg.github.com/:_authToken=ZymYWU7otMdRzDTn7qLWaYyD5KaPHI2u"},
          .false_positives = {"//registry.npmjs.org/:_authToken=${NPM_TOKEN}"},
      },
      {
          .id = "FL-SEC-0031",
          .name = "secret-pypi-upload-token",
          .title = "PyPI upload token",
          .kind = "pypi upload token",
          .severity = Severity::kHigh,
          .keywords = {"pypi-"},
          .regex = R"re(\b(?P<secret>pypi-AgE[A-Za-z0-9_\-]{50,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"password = pypi-AgEIcHlwaS5vcmcG3omjMyXHCabM6JOF8EFd0Nhcy-1kGD2VD-eR1U"
               "YzaLiA-zNyD7CHLn-xC_1hsYgBds1gh"},
          .false_positives = {"pypi-AgEIcHlwaS5vcmc"},
          .references = {"https://pypi.org/help/#apitoken"},
      },
      {
          .id = "FL-SEC-0032",
          .name = "secret-docker-hub-token",
          .title = "Docker Hub personal or organization access token",
          .kind = "docker hub access token",
          .severity = Severity::kHigh,
          .keywords = {"dckr_pat_", "dckr_oat_"},
          .regex = R"re(\b(?P<secret>dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,60}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"("docker_pat": "dckr_pat_xY5OokvQyx7eNWVQ4vnakJkS1pA")"},
          .false_positives = {R"("docker_pat": "dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx")"},
      },
      // ---------------------------------------------------------------- HashiCorp
      {
          .id = "FL-SEC-0033",
          .name = "secret-vault-service-token",
          .title = "HashiCorp Vault service token",
          .kind = "vault service token",
          .severity = Severity::kHigh,
          .keywords = {"hvs."},
          .regex = R"re(\b(?P<secret>hvs\.[A-Za-z0-9_\-]{24,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"VAULT_TOKEN=hvs.ywX0t0ZBfdTEmxI6CmuxV5Eb",
               "token = \"hvs.OApZOXzcycDeZ6dqmVe5Mvxrv99NcqVTSu7rtaUWM6ZO88eb0ogET9D9"
               "XyYq6B0Fi7FlaZ7Vt0SXjMpu3uDxYYMfGm\""},
          .false_positives = {"VAULT_TOKEN=hvs.short"},
          .references = {"https://developer.hashicorp.com/vault/docs/concepts/tokens"},
      },
      {
          .id = "FL-SEC-0034",
          .name = "secret-vault-batch-token",
          .title = "HashiCorp Vault batch token",
          .kind = "vault batch token",
          .severity = Severity::kHigh,
          .keywords = {"hvb."},
          .regex = R"re(\b(?P<secret>hvb\.[A-Za-z0-9_\-]{90,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"VAULT_TOKEN=hvb.zWkpAePcEJIukB4geqNfngAFTCloiADN5RpVI2XQWhX1ssrKrxqVqmC"
               "plppjs46LmuezqpGHoPZgPDcgaE40o1C6xc4sohdmM0Lm"},
          .false_positives = {"hvb.zWkpAePcEJIukB4geqNfngAF"},
      },
      {
          .id = "FL-SEC-0035",
          .name = "secret-terraform-cloud-token",
          .title = "Terraform Cloud / Enterprise API token",
          .kind = "terraform cloud api token",
          .severity = Severity::kHigh,
          .keywords = {"atlasv1"},
          .regex = R"re(\b(?P<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"export TF_TOKEN_app_terraform_io=\"7exG3lCMqXXQ8a.atlasv1.gOMTNwncxvj"
                             "cnqcMUP6n0a0uARxlNtencYFJEeAgYzQJjOIfPkzSrAsQtA9dtVK4wAA\""},
          .false_positives =
              {"token = \"xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
               "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""},
          .references = {"https://developer.hashicorp.com/terraform/cloud-docs/users-teams-"
                         "organizations/api-tokens"},
      },
      // ---------------------------------------------------------------- Observability
      {
          .id = "FL-SEC-0036",
          .name = "secret-datadog-api-key",
          .title = "Datadog API key",
          .kind = "datadog api key",
          .severity = Severity::kHigh,
          .keywords = {"datadog", "dd_api", "dd-api", "ddapi"},
          .regex =
              R"re((?i)(?P<key>(?:datadog|dd)[\w.\-]*api[_.\-]?key)["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[a-f0-9]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"(  DATADOG_API_KEY: "0b6cc60d5d32cbe54014c2b54b95523c")",
                             "DD_API_KEY=0b6cc60d5d32cbe54014c2b54b95523c"},
          .false_positives = {"DD_API_KEY=${DD_API_KEY}",
                              "DD_API_KEY=00000000000000000000000000000000"},
      },
      {
          .id = "FL-SEC-0037",
          .name = "secret-datadog-app-key",
          .title = "Datadog application key",
          .kind = "datadog application key",
          .severity = Severity::kHigh,
          .keywords = {"datadog", "dd_app", "dd-app", "ddapp"},
          .regex =
              R"re((?i)(?P<key>(?:datadog|dd)[\w.\-]*app(?:lication)?[_.\-]?key)["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[a-f0-9]{40})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"datadog_app_key = \"f6941fa1c257c6f561c5cb347611a3ce9d97dcbe\""},
          .false_positives = {"datadog_app_key = var.datadog_app_key"},
      },
      {
          .id = "FL-SEC-0038",
          .name = "secret-new-relic-user-api-key",
          .title = "New Relic user API key",
          .kind = "new relic user api key",
          .severity = Severity::kHigh,
          .keywords = {"NRAK-"},
          .regex = R"re(\b(?P<secret>NRAK-[A-Z0-9]{27})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"NEW_RELIC_API_KEY=NRAK-62LBA53P23L4ZGEIW1XF266CCIF"},
          .false_positives = {"NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX"},
      },
      {
          .id = "FL-SEC-0039",
          .name = "secret-new-relic-insert-key",
          .title = "New Relic insert or browser key",
          .kind = "new relic insert or browser key",
          .severity = Severity::kHigh,
          .keywords = {"NRII-", "NRJS-"},
          .regex =
              R"re((?m)\b(?P<secret>NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19})(?:[^A-Za-z0-9_\-]|$))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"insert_key: NRII-OkgWrdioyq_KvCiSGuPJ6sG9AHEOVezx",
                             "browser: NRJS-db14f71010b93b7d946"},
          .false_positives = {"NRII-short"},
      },
      {
          .id = "FL-SEC-0040",
          .name = "secret-new-relic-license-key",
          .title = "New Relic license (ingest) key",
          .kind = "new relic license key",
          .severity = Severity::kHigh,
          .keywords = {"NRAL"},
          .regex = R"re(\b(?P<secret>[a-f0-9]{36}NRAL)\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"license_key: c58ac5831be38cb8cb4ba2e751989a01749dNRAL"},
          .false_positives = {"NRAL"},
      },
      {
          .id = "FL-SEC-0041",
          .name = "secret-grafana-token",
          .title = "Grafana service account or Grafana Cloud token",
          .kind = "grafana token",
          .severity = Severity::kHigh,
          .keywords = {"glsa_", "glc_"},
          .regex =
              R"re(\b(?P<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"GRAFANA_TOKEN=glsa_vEXHJX6nsBvBqJd0ssw0FzvGr3GwnPFY_3a6a9421",
                             "token: glc_X0nKDcPVh2Txt47DSmrGVXvmiV9GeMSGxTqX3OquwsAx1XX3FN7R/V8sX"
                             "UaXsh6sjdPWOowtAAd/ujw3"},
          .false_positives = {"glc_short"},
      },
      {
          .id = "FL-SEC-0042",
          .name = "secret-sentry-auth-token",
          .title = "Sentry auth token",
          .kind = "sentry auth token",
          .severity = Severity::kHigh,
          .keywords = {"sntrys_", "sntryu_"},
          .regex = R"re(\b(?P<secret>sntry[su]_[A-Za-z0-9+/=_\-]{40,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"SENTRY_AUTH_TOKEN=sntryu_18f134a069e3fab8c3bfc5e740e61572b4e3c02eaa7"
                             "f3b4a715e4e48dd74089a"},
          .false_positives = {"SENTRY_AUTH_TOKEN=sntryu_"},
      },
      // ---------------------------------------------------------------- Platforms
      {
          .id = "FL-SEC-0043",
          .name = "secret-heroku-api-key",
          .title = "Heroku API key",
          .kind = "heroku api key",
          .severity = Severity::kHigh,
          .keywords = {"heroku", "HRKU-"},
          .regex =
              R"re((?im)(?:(?P<key>heroku[\w.\-]*(?:api[_.\-]?key|token|key|password|secret))["']?\s*(?:=>|:=|=|:)\s*["']?(?P<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\b(?P<secret_new>HRKU-[A-Za-z0-9_\-]{60})(?:[^A-Za-z0-9_\-]|$)))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"HEROKU_API_KEY=2841b7ba-d404-4189-a1de-a4109aa58ea6",
                             "token: HRKU-U8urbFt5misIZHbhS4-FvafhdZxEuhnbzs0z1wNiMg9aW37k5wCnHDepQ"
                             "HgI"},
          .false_positives = {"heroku_app_id = 2841b7ba-d404-4189-a1de-a4109aa58ea6"},
      },
      {
          .id = "FL-SEC-0044",
          .name = "secret-shopify-access-token",
          .title = "Shopify access token",
          .kind = "shopify access token",
          .severity = Severity::kHigh,
          .keywords = {"shpat_", "shpca_", "shppa_"},
          .regex = R"re(\b(?P<secret>shp(?:at|ca|pa)_[a-fA-F0-9]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {R"("shopify_token": "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")"},
          .false_positives = {R"("shopify_token": "shpat_00000000000000000000000000000000")"},
      },
      {
          .id = "FL-SEC-0045",
          .name = "secret-shopify-shared-secret",
          .title = "Shopify app shared secret",
          .kind = "shopify shared secret",
          .severity = Severity::kHigh,
          .keywords = {"shpss_"},
          .regex = R"re(\b(?P<secret>shpss_[a-fA-F0-9]{32})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"SHOPIFY_SECRET=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"},
          .false_positives = {"shpss_"},
      },
      {
          .id = "FL-SEC-0046",
          .name = "secret-digitalocean-token",
          .title = "DigitalOcean access token",
          .kind = "digitalocean token",
          .severity = Severity::kHigh,
          .keywords = {"dop_v1_", "doo_v1_", "dor_v1_"},
          .regex = R"re(\b(?P<secret>do[por]_v1_[a-f0-9]{64})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"DIGITALOCEAN_TOKEN=dop_v1_b3e6f0bade65c3b188cc102ddb8379c7ce65426f74b"
                             "de94fb78c8d5f08b79aff"},
          .false_positives = {"dop_v1_"},
      },
      {
          .id = "FL-SEC-0047",
          .name = "secret-alibaba-access-key-id",
          .title = "Alibaba Cloud access key ID",
          .kind = "alibaba cloud access key id",
          .severity = Severity::kHigh,
          .keywords = {"LTAI"},
          .regex = R"re(\b(?P<secret>LTAI[A-Za-z0-9]{20})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"ALICLOUD_ACCESS_KEY=LTAI8KUCERkj9Zhx9PkOZAEy"},
          .false_positives = {"ALICLOUD_ACCESS_KEY=LTAIxxxxxxxxxxxxxxxxxxxx"},
      },
      {
          .id = "FL-SEC-0048",
          .name = "secret-databricks-token",
          .title = "Databricks personal access token",
          .kind = "databricks access token",
          .severity = Severity::kHigh,
          .keywords = {"dapi"},
          .regex = R"re(\b(?P<secret>dapi[a-f0-9]{32}(?:-[0-9])?)\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"DATABRICKS_TOKEN=dapi2634f087e51b429fe8110102c995f1ab"},
          .false_positives = {"rapidapi2634f087e51b429fe8110102c995f1ab"},
      },
      {
          .id = "FL-SEC-0049",
          .name = "secret-doppler-token",
          .title = "Doppler service token",
          .kind = "doppler token",
          .severity = Severity::kHigh,
          .keywords = {"dp.pt.", "dp.st.", "dp.ct.", "dp.sa."},
          .regex = R"re(\b(?P<secret>dp\.(?:pt|st|ct|sa)\.[A-Za-z0-9_.\-]{40,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"DOPPLER_TOKEN=dp.pt.1fxjtydfui7waanesqgjol2wjnz8kf9tm5n7f2h9hq0"},
          .false_positives = {"DOPPLER_TOKEN=dp.pt.short"},
      },
      {
          .id = "FL-SEC-0050",
          .name = "secret-pulumi-access-token",
          .title = "Pulumi access token",
          .kind = "pulumi access token",
          .severity = Severity::kHigh,
          .keywords = {"pul-"},
          .regex = R"re(\b(?P<secret>pul-[a-f0-9]{40})\b)re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"PULUMI_ACCESS_TOKEN=pul-74ff1fe4f7f505aef9ebdd25b001a3ff416d4a3b"},
          .false_positives = {"pul-request-template"},
      },
      {
          .id = "FL-SEC-0051",
          .name = "secret-openai-api-key",
          .title = "OpenAI API key",
          .kind = "openai api key",
          .severity = Severity::kHigh,
          .keywords = {"T3BlbkFJ"},
          .regex =
              R"re(\b(?P<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"OPENAI_API_KEY=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"},
          .false_positives = {"T3BlbkFJ"},
      },
      {
          .id = "FL-SEC-0052",
          .name = "secret-anthropic-api-key",
          .title = "Anthropic API key",
          .kind = "anthropic api key",
          .severity = Severity::kHigh,
          .keywords = {"sk-ant-"},
          .regex = R"re(\b(?P<secret>sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\-]{80,}))re",
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder,
          .true_positives = {"ANTHROPIC_API_KEY=sk-ant-api03-6qeSPt5Pv74GDqQ7EyIMttFPSuEPyHnvnzXt"
                             "sMM3JznnJAX7ebZ3CL7csGZaF31DDxp63OHm1FZuG296c0xPbX-neGBuz"},
          .false_positives = {"sk-ant-api03-..."},
      },
      {
          .id = "FL-SEC-0053",
          .name = "secret-hugging-face-token",
          .title = "Hugging Face access token",
          .kind = "hugging face access token",
          .severity = Severity::kHigh,
          .keywords = {"hf_"},
          .regex = R"re(\b(?P<secret>hf_[A-Za-z]{34})\b)re",
          .min_entropy = 3.5,
          .checks = kRejectPlaceholder,
          .true_positives = {"HF_TOKEN=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"},
          .false_positives = {"hf_transformers_cache_directory_name"},
      },
      {
          .id = "FL-SEC-0054",
          .name = "secret-age-secret-key",
          .title = "age encryption secret key",
          .kind = "age secret key",
          .severity = Severity::kCritical,
          .keywords = {"AGE-SECRET-KEY-1"},
          .regex = R"re((?P<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}))re",
          .checks = kRejectPlaceholder,
          .true_positives = {"AGE-SECRET-KEY-1EERENXQZV7RCF9DZATXTZ6XQHGNSNT6Z5PMRLZ86EUYQCF76X97D"
                             "FQMQQ8"},
          .false_positives = {"AGE-SECRET-KEY-1..."},
      },
      // ---------------------------------------------------------------- Tokens and keys
      {
          .id = "FL-SEC-0055",
          .name = "secret-jwt",
          .title = "JSON Web Token",
          .kind = "json web token",
          .severity = Severity::kMedium,
          .keywords = {"eyJ"},
          .regex =
              R"re(\b(?P<secret>eyJ[A-Za-z0-9_\-]{10,}={0,2}\.eyJ[A-Za-z0-9_\-]{10,}={0,2}\.[A-Za-z0-9_\-]{16,}={0,2}))re",
          .min_entropy = 3.5,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIx"
               "MjM0NTY3ODkwIiwibmFtZSI6InN2YyIsImlhdCI6MTUxNjIzOTAyMn0.R2HcSGKgVP8Kd0d3m"
               "S8gBlKv3azKgaS-m-x_SHuKBD_"},
          .false_positives = {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 alone is a header"},
          .why = "A JSON Web Token is a bearer credential: until it expires, whoever presents it "
                 "is treated as its subject.",
      },
      {
          .id = "FL-SEC-0056",
          .name = "secret-rsa-private-key",
          .title = "RSA private key (PEM)",
          .kind = "rsa private key",
          .severity = Severity::kCritical,
          .keywords = {"RSA PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN RSA PRIVATE KEY-----(?:\s|\\r|\\n)*(?:(?:Proc-Type|DEK-Info):[^\n\\]*(?:\s|\\r|\\n)+)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 6,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"-----BEGIN RSA PRIVATE KEY-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6uUZbI"
               "6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n-----END RSA PRIVATE KEY-----\n",
               "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-"
               "128-CBC,8F2A\n\nZe8q5JhQhi6pAoaz/vUAJO3ntkwZ7t8tf156o2Qnf6YNrFbo2vo3O8K"
               "ZMPIKv9Qv\n-----END RSA PRIVATE KEY-----\n",
               R"("private_key": "-----BEGIN RSA PRIVATE KEY-----\nZe8q5JhQhi6pAoaz/vUAJO3ntkwZ7t8)"
               R"(tf156o2Qnf6YNrFbo2vo3O8KZMPIKv9Qv\n-----END RSA PRIVATE KEY-----\n")"},
          .false_positives =
              {"-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
               "-----BEGIN RSA PUBLIC KEY-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6uUZbI6"
               "hwe5NKRcP8uL9P+E/uO1pDZSWbN\n"},
          .why = "A private key lets its holder impersonate the server, user or service it "
                 "belongs to and decrypt what was encrypted for it.",
      },
      {
          .id = "FL-SEC-0057",
          .name = "secret-ec-private-key",
          .title = "EC private key (PEM)",
          .kind = "ec private key",
          .severity = Severity::kCritical,
          .keywords = {"EC PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN EC PRIVATE KEY-----(?:\s|\\r|\\n)*(?:(?:Proc-Type|DEK-Info):[^\n\\]*(?:\s|\\r|\\n)+)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 6,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"key: \"-----BEGIN EC PRIVATE KEY-----\\nZe8q5JhQhi6pAoaz/vUAJO3ntkwZ7t8t"
               "f156o2Qnf6YNrFbo2vo3O8KZMPIKv9Qv\\n-----END EC PRIVATE KEY-----\""},
          .false_positives = {"-----BEGIN EC PRIVATE KEY-----\n<key>\n"},
      },
      {
          .id = "FL-SEC-0058",
          .name = "secret-dsa-private-key",
          .title = "DSA private key (PEM)",
          .kind = "dsa private key",
          .severity = Severity::kCritical,
          .keywords = {"DSA PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN DSA PRIVATE KEY-----(?:\s|\\r|\\n)*(?:(?:Proc-Type|DEK-Info):[^\n\\]*(?:\s|\\r|\\n)+)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 6,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives = {"-----BEGIN DSA PRIVATE KEY-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6uUZbI"
                             "6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n"},
          .false_positives = {"-----BEGIN DSA PRIVATE KEY-----\n"},
      },
      {
          .id = "FL-SEC-0059",
          .name = "secret-openssh-private-key",
          .title = "OpenSSH private key",
          .kind = "openssh private key",
          .severity = Severity::kCritical,
          .keywords = {"OPENSSH PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN OPENSSH PRIVATE KEY-----(?:\s|\\r|\\n)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 3,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"-----BEGIN OPENSSH PRIVATE KEY-----\nZe8q5JhQhi6pAoaz/vUAJO3ntkwZ7t8t"
               "f156o2Qnf6YNrFbo2vo3O8KZMPIKv9Qv\n-----END OPENSSH PRIVATE KEY-----\n"},
          .false_positives = {"ssh-keygen writes -----BEGIN OPENSSH PRIVATE KEY----- blocks"},
      },
      {
          .id = "FL-SEC-0060",
          .name = "secret-pgp-private-key",
          .title = "PGP private key block",
          .kind = "pgp private key",
          .severity = Severity::kCritical,
          .keywords = {"PGP PRIVATE KEY BLOCK"},
          .regex =
              R"re((?P<range>-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\s|\\r|\\n)*(?:[A-Za-z\-]+: [^\n\\]*(?:\s|\\r|\\n)+)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 8,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n/rPzzZBRiL"
               "0dmgXYJbmkpxEI+fC9+g6uUZbI6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n=abcd\n-----END "
               "PGP PRIVATE KEY BLOCK-----\n"},
          .false_positives = {"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9"
                              "+g6uUZbI6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n"},
      },
      {
          .id = "FL-SEC-0061",
          .name = "secret-pkcs8-private-key",
          .title = "PKCS#8 private key (PEM)",
          .kind = "private key",
          .severity = Severity::kCritical,
          .keywords = {"PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN (?:ENCRYPTED )?PRIVATE KEY-----(?:\s|\\r|\\n)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 3,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"-----BEGIN PRIVATE KEY-----\r\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6uUZbI6hw"
               "e5NKRcP8uL9P+E/uO1pDZSWbN\r\n-----END PRIVATE KEY-----\r\n",
               "-----BEGIN ENCRYPTED PRIVATE KEY-----\nZe8q5JhQhi6pAoaz/vUAJO3ntkwZ7t8"
               "tf156o2Qnf6YNrFbo2vo3O8KZMPIKv9Qv\n"},
          .false_positives = {"-----BEGIN CERTIFICATE-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6uUZbI6hw"
                              "e5NKRcP8uL9P+E/uO1pDZSWbN\n"},
      },
      {
          .id = "FL-SEC-0062",
          .name = "secret-private-key",
          .title = "Other PEM private key",
          .kind = "private key",
          .severity = Severity::kCritical,
          .keywords = {"PRIVATE KEY"},
          .regex =
              R"re((?P<range>-----BEGIN [A-Z0-9 ]{1,40} PRIVATE KEY(?: BLOCK)?-----(?:\s|\\r|\\n)*(?:[A-Za-z\-]+: [^\n\\]*(?:\s|\\r|\\n)+)*(?P<secret>[A-Za-z0-9+/]{40,}={0,2})))re",
          .lines = 8,
          .min_entropy = kPemBodyMinEntropy,
          .checks = kRejectPlaceholder,
          .true_positives = {"-----BEGIN ED25519 PRIVATE KEY-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6u"
                             "UZbI6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n"},
          .false_positives = {"-----BEGIN ED25519 PUBLIC KEY-----\n/rPzzZBRiL0dmgXYJbmkpxEI+fC9+g6u"
                              "UZbI6hwe5NKRcP8uL9P+E/uO1pDZSWbN\n"},
      },
      {
          .id = "FL-SEC-0063",
          .name = "secret-base64-private-key",
          .title = "Base64-encoded PEM private key (kubeconfig, Kubernetes Secret)",
          .kind = "base64-encoded private key",
          .severity = Severity::kCritical,
          .keywords = {"LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVkt", "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0t",
                       "LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0t",
                       "LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0t",
                       "LS0tLS1CRUdJTiBFTkNSWVBURUQgUFJJVkFURSBLRVkt"},
          .regex =
              R"re((?P<secret>LS0tLS1CRUdJTi(?:BSU0EgUFJJVkFURSBLRVkt|BQUklWQVRFIEtFWS0t|BFQyBQUklWQVRFIEtFWS0t|BPUEVOU1NIIFBSSVZBVEUgS0VZLS0t|BFTkNSWVBURUQgUFJJVkFURSBLRVkt)[A-Za-z0-9+/]{60,}={0,2}))re",
          .min_entropy = 4.0,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcE"
               "FJQkFBS0NBUUVBdlhZWUE1bnBqRm9CZjNkOGJYRk1QRW5IeGVlUWtZNU1rbzZUYmZ0cQo="},
          .false_positives = {"client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ=="},
      },
      // ---------------------------------------------------------------- Credentials in URLs
      {
          .id = "FL-SEC-0064",
          .name = "secret-database-url-password",
          .title = "Database connection URL with a password",
          .kind = "database password in a connection url",
          .severity = Severity::kHigh,
          .keywords = {"://"},
          .regex =
              R"re((?i)\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|neo4j(?:\+s)?|cassandra|jdbc:[a-z0-9]+)(?:\+[a-z0-9]+)?://(?P<user>[^\s:@/"'<>{}$]+):(?P<secret>[^\s@/"'<>{}]+)@[A-Za-z0-9.\-_\[\]]+)re",
          .min_length = 3,
          .checks = kRejectPlaceholder,
          .true_positives =
              {R"(DATABASE_URL="postgres://app:IfIZwXeozLH5q41H@db.internal:5432/app")",
               "mongodb+srv://svc:ZymYWU7otMdRzDTn7qLWaYyD@cluster0.mongodb.net/db"},
          .false_positives = {"postgres://user:password@localhost:5432/db",
                              "postgres://postgres:postgres@localhost/test",
                              "mysql://app:${DB_PASSWORD}@db:3306/app",
                              "redis://:<password>@cache:6379"},
      },
      {
          .id = "FL-SEC-0065",
          .name = "secret-connection-string-password",
          .title = "Connection string with a password (ADO.NET, JDBC, ODBC)",
          .kind = "password in a connection string",
          .severity = Severity::kHigh,
          .keywords = {"password=", "pwd="},
          .regex =
              R"re((?i)(?:server|data source|host|address|jdbc:[a-z0-9]+:)[^\n"'`]*?[;?&]\s*(?P<key>password|pwd)\s*=\s*(?P<secret>[^;&"'`\s]{3,200}))re",
          .min_length = 3,
          .checks = kRejectPlaceholder,
          .true_positives =
              {"Server=tcp:sql.internal,1433;Database=app;User ID=svc;Password=5KaPHI2"
               "ufKssJ@S*k!;Encrypt=true",
               "jdbc:sqlserver://db:1433;databaseName=app;user=svc;password=IfIZwXeozLH"
               "5q41H"},
          .false_positives =
              {"Server=db;Database=app;User ID=svc;Password={{ .Values.password }};"},
      },
      {
          .id = "FL-SEC-0066",
          .name = "secret-url-basic-auth",
          .title = "Credentials in a URL (scheme://user:password@host)",
          .kind = "password in a url",
          .severity = Severity::kHigh,
          .keywords = {"://"},
          .regex =
              R"re(\b[A-Za-z][A-Za-z0-9+.\-]{1,30}://(?P<user>[^\s:@/"'<>{}$]+):(?P<secret>[^\s@/"'<>{}]+)@[A-Za-z0-9.\-_\[\]]+)re",
          .min_length = 3,
          .checks = kRejectPlaceholder,
          .true_positives = {"git clone https://deploy:IfIZwXeozLH5q41H@git.internal/app.git",
                             "proxy: http://svc:5KaPHI2ufKssJ@S*k!@proxy.corp:3128"},
          .false_positives = {"https://user:pass@example.com", "https://git.internal/app.git",
                              "http://admin:admin@localhost:8080",
                              "https://$USER:$TOKEN@git.internal/app.git"},
      },
      // ---------------------------------------------------------------- Key-name based (generic)
      // FL-SEC-0067 (secret-terraform-variable-default) is retired: the structural rule
      // FL-SEC-0070 (secrets-variable-default, rules/secrets/variable_default/) replaces it and
      // answers to the old id and name. The number is never reused.
      {
          .id = "FL-SEC-0068",
          .name = "secret-generic-assignment",
          .title = "Secret-looking value assigned to a secret-named key",
          .kind = "hard-coded secret",
          .severity = Severity::kHigh,
          .keywords = SecretishKeywords(),
          .regex =
              R"re((?im)(?P<key>[\w.\-]*(?:pass|pwd|secret|token|credential|creds|psk|key)[\w.\-]*)["']?[ \t]*(?:=>|:=|=|:)[ \t]*(?:"(?P<secret>[^"\\\r\n]*)"|'(?P<secret_sq>[^'\\\r\n]*)'|(?P<secret_bare>[^\s"'`,;(){}\[\]<>]+)(?:[\s,;]|$)))re",
          .min_length = 8,
          .max_length = 300,
          .min_entropy = 3.0,
          .checks = kRejectPlaceholder | kRequireSecretishKey | kRequireRandomShape,
          .true_positives = {R"(  auth_token           = "eWPFlRX0c0KAdJ1L46zh")",
                             R"(  rootPassword: "ZnR6DqfETVd5j1N7")",
                             "DB_PASSWORD=IfIZwXeozLH5q41H",
                             R"("client_secret": "ZymYWU7otMdRzDTn7qLWaYyD")",
                             "api_key: 0b6cc60d5d32cbe54014c2b54b95523c"},
          .false_positives =
              {R"(  master_password    = var.db_master_password)",
               R"(  DB_PASSWORD: "{{ .Values.db.password }}")", R"(  "password": "changeme",)",
               R"(  "api_key": "${API_KEY}")", R"(export API_KEY="$API_KEY_FROM_VAULT")",
               R"(echo "token: <redacted>")", R"(  existingSecret: "")",
               R"(  pgp_key = "keybase:ci-team")", R"(  secret_name = "prod-db-credentials-v2")",
               R"(  password_length = 32)",
               R"(  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd")",
               R"(  token = data.aws_eks_cluster_auth.this.token)",
               R"(  password = random_password.master.result)",
               R"(  private_key = filebase64sha256("host.key"))",
               R"(  customer_master_key_spec = "RSA_2048")",
               R"(  "password": "YourPwdShouldBeLongAndSecure!",)", R"(  secretKeyRef: my-secret)",
               R"(  description = "The password for the admin user")"},
          .why = "A credential in source control is readable by everyone with access to the "
                 "repository, its clones, forks and CI logs, and stays in git history after the "
                 "line is changed.",
      },
      {
          .id = "FL-SEC-0075",
          .name = "secret-password-literal",
          .title = "Password written as a literal",
          .kind = "hard-coded password",
          .severity = Severity::kHigh,
          .keywords = {"pass", "pwd"},
          // The key ends with a password word (db_password, rootPassword, PGPASSWORD), so
          // password_length and password_policy never match. The value is a quoted string (a
          // literal in any language); or, on a YAML `key: value` line, a bare scalar ending the
          // line; or the `value:` member of a map under such a key (API Connect properties,
          // Helm-style settings); or a JSON {"name": ..., "value": ...} pair (ECS container
          // definitions, Kubernetes env in JSON). No entropy floor: a weak password ("root",
          // "abc123") is still a password.
          .regex =
              R"re((?im)(?:^[ \t]*(?:-[ \t]+)?["']?(?P<key_bare>[\w.\-]*(?:password|passwd|passphrase|pwd))["']?[ \t]*:[ \t]+(?P<secret_bare>[^\s"'`#,;:(){}\[\]<>|&*!%@=$\\]+)[ \t]*(?:#.*)?$|(?P<key>[\w.\-]*(?:password|passwd|passphrase|pwd))["']?[ \t]*(?:=>|:=|=|:)[ \t]*(?:"(?P<secret>[^"\\\s]*)"|'(?P<secret_sq>[^'\\\s]*)'))|^[ \t]*(?:-[ \t]+)?["']?(?P<key_map>[\w.\-]*(?:password|passwd|passphrase|pwd))["']?[ \t]*:[ \t]*\r?\n[ \t]+value:[ \t]+(?:"(?P<secret_value_dq>[^"\\\s]*)"|(?P<secret_value>[^\s"'`#,;:(){}\[\]<>|&*!%@=$\\]+))[ \t]*$|"name"[ \t]*:[ \t]*"(?P<key_env>[\w.\-]*(?:password|passwd|passphrase|pwd))"[ \t]*,[ \t]*"value"[ \t]*:[ \t]*"(?P<secret_env>[^"\\\r\n]*)")re",
          .lines = 2,
          .min_length = 4,
          .max_length = 128,
          .checks = kRejectPlaceholder | kRequireSecretishKey,
          // Digit-free words joined by - _ . that name a credential instead of being one
          // ("avoid-plaintext-passwords", "db_password_secret").
          .allow = {R"re((?i)^(?:[a-z]+[-_.])+(?:[a-z]*(?:pass|pwd|secret|token|credential)[a-z]*)(?:[-_.][a-z]+)*$|^(?:[a-z]*(?:pass|pwd|secret|token|credential)[a-z]*)(?:[-_.][a-z]+)+$)re"},
          .true_positives = {R"(  "password": "abcdefg")", "      password: root",
                             R"(  master_password = "hunter2")", "DB_PASSWORD='abc123'",
                             "  - admin_pwd: s3cr3tP4ss",
                             "    dev-proxy-password:\n      value: testpwd\n",
                             R"({ "name": "DATABASE_PASSWORD", "value": "oh no D:"})"},
          .false_positives = {R"(  password = var.db_password)", "  password: str",
                              R"(  password: "{{ .Values.password }}")", "  password: changeme",
                              R"(  password_length = "32")", R"(  "password": "")",
                              R"(  if password == "letmein")", "  password: ${DB_PASSWORD}",
                              R"(  description = "The password for the admin user")",
                              "  AllowUsersToChangePassword: event.Props.Allow === 'true',",
                              "  password: !vault |",
                              "  db_password:\n    valueFrom:\n      secretKeyRef: x\n",
                              "  db_password:\n    value: \"{{ .Values.pw }}\"\n",
                              R"({ "name": "DB_PASSWORD", "value": "${db_password}" })",
                              R"(  password = "avoid-plaintext-passwords")"},
          .why = "A password in source control is readable by everyone with access to the "
                 "repository, its clones, forks and CI logs, and stays in git history after the "
                 "line is changed; a weak one is also guessed without the repository.",
      },
      {
          .id = "FL-SEC-0076",
          .name = "secret-terraform-variable-default",
          .title = "Terraform variable with a secret name and a literal default",
          .kind = "literal default of a secret variable",
          .severity = Severity::kHigh,
          .keywords = {"variable"},
          // `variable "NAME" {` then, within the block's first lines and before any nested
          // block, `default = "..."`. The text form of FL-SEC-0070 for --secrets-only.
          .regex =
              R"re((?m)^[ \t]*variable[ \t]+"(?P<key>[^"\r\n]{1,128})"[ \t]*\{(?:[^{}"]|"[^"\r\n]*")*?\bdefault[ \t]*=[ \t]*"(?P<secret>[^"\\\r\n]*)")re",
          .lines = 16,
          .min_length = 4,
          .max_length = 256,
          .checks = kRejectPlaceholder | kRequireSecretishKey,
          .allow = {R"re((?i)^(?:[a-z]+[-_.])+(?:[a-z]*(?:pass|pwd|secret|token|credential)[a-z]*)(?:[-_.][a-z]+)*$|^(?:[a-z]*(?:pass|pwd|secret|token|credential)[a-z]*)(?:[-_.][a-z]+)+$)re"},
          .true_positives = {"variable \"db_master_password\" {\n  type    = string\n  default = "
                             "\"c5RIpGuK0Q@Ye6Uamn\"\n}\n",
                             "variable \"api_token\" {\n  description = \"The API token\"\n"
                             "  sensitive   = true\n  default     = \"hunter22\"\n}\n"},
          .false_positives = {"variable \"db_password\" {\n  type = string\n}\n",
                              "variable \"db_password\" {\n  default = \"\"\n}\n",
                              "variable \"db_password\" {\n  default = \"changeme\"\n}\n",
                              "variable \"password_length\" {\n  default = \"32\"\n}\n",
                              "variable \"secret_name\" {\n  default = \"prod-db-credentials\"\n}\n",
                              "variable \"token\" {\n  default = \"${var.x}\"\n}\n",
                              "variable \"region\" {\n  default = \"eu-west-1\"\n}\n"},
          .why = "A default is used whenever no other value is given, so the literal is the "
                 "credential of every deployment that does not override it, and it is readable "
                 "by everyone with access to the repository and its history.",
          .structural_twin = "FL-SEC-0070",
      },
  };
  return kRules;
}

}  // namespace faultline::rules::secrets
