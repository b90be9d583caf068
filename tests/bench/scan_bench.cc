// scan_bench: measures faultline's Terraform pipeline and prints one line of figures per run.
//
//   scan_bench tsparse DIR            raw tree-sitter parse of every *.tf under DIR (one thread)
//   scan_bench parse DIR              parsers::hcl::ParseHcl of every *.tf under DIR (one thread)
//   scan_bench scan DIR --jobs N      engine::Scan of DIR with every rule, N threads; Terraform
//                                     inputs only unless --all-inputs (YAML, JSON, state too)
//   scan_bench generate DIR [--files N] [--seed S]
//                                     writes a synthetic module tree (default 10,000 files, ~30 MB)
//
// Each measuring mode prints `mode=... files=... bytes=... wall_ms=... cpu_ms=... mb_per_s=...
// peak_rss_mb=...` (plus findings counts for scan). Peak RSS is the process's (getrusage), so run
// each mode in a fresh process; tests/bench/run_bench.sh does that and prints a table. This is a
// benchmark, not a test: it asserts nothing and is not run by ctest.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/file_provider.h"
#include "engine/scan.h"
#include "engine/source_file.h"
#include "parsers/hcl/parser.h"
#include "parsers/tree_sitter/handles.h"
#include "parsers/tree_sitter/language.h"
#include "rules/registry.h"

namespace faultline::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// User + system CPU time of the process so far, in ms: with one job it is a figure that other
// load on the machine disturbs far less than wall time.
double CpuMs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct InputFile {
  std::string path;
  std::string text;
};

// Every *.tf file under `root` (skipping .terraform and .git directories), sorted by path.
std::vector<InputFile> ReadTfFiles(const std::string& root) {
  std::vector<std::string> paths;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(error) && (name == ".terraform" || name == ".git")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && it->path().extension() == ".tf") {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<InputFile> files;
  files.reserve(paths.size());
  for (std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files.push_back({std::move(path), text.str()});
  }
  return files;
}

uint64_t TotalBytes(const std::vector<InputFile>& files) {
  uint64_t bytes = 0;
  for (const InputFile& file : files) bytes += file.text.size();
  return bytes;
}

void PrintFigures(const char* mode, size_t files, uint64_t bytes, double wall_ms, double cpu_ms,
                  const std::string& extra) {
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "mode=%s files=%zu bytes=%llu wall_ms=%.1f cpu_ms=%.1f mb_per_s=%.2f peak_rss_mb=%.1f%s\n",
      mode, files, static_cast<unsigned long long>(bytes), wall_ms, cpu_ms,
      wall_ms > 0 ? mb / (wall_ms / 1000.0) : 0.0, PeakRssMb(), extra.c_str());
}

int RunTreeSitterParse(const std::string& root) {
  std::vector<InputFile> files = ReadTfFiles(root);
  size_t errors = 0;
  double cpu_start = CpuMs();
  Clock::time_point start = Clock::now();
  for (const InputFile& file : files) {
    parsers::tree_sitter::ParseResult result =
        parsers::tree_sitter::Parse(parsers::tree_sitter::HclLanguage(), file.text, 0);
    if (result.status != parsers::tree_sitter::ParseStatus::kOk ||
        ts_node_has_error(ts_tree_root_node(result.tree.get()))) {
      ++errors;
    }
  }
  double wall_ms = MillisecondsSince(start);
  PrintFigures("tsparse", files.size(), TotalBytes(files), wall_ms, CpuMs() - cpu_start,
               " files_with_errors=" + std::to_string(errors));
  return 0;
}

int RunHclParse(const std::string& root) {
  std::vector<InputFile> files = ReadTfFiles(root);
  size_t diagnostics = 0;
  size_t blocks = 0;
  double cpu_start = CpuMs();
  Clock::time_point start = Clock::now();
  for (const InputFile& file : files) {
    engine::SourceFile source(file.path, file.text);
    parsers::hcl::ConfigFile config = parsers::hcl::ParseHcl(source);
    diagnostics += config.diagnostics.size();
    blocks += config.body.blocks.size();
  }
  double wall_ms = MillisecondsSince(start);
  PrintFigures("parse", files.size(), TotalBytes(files), wall_ms, CpuMs() - cpu_start,
               " blocks=" + std::to_string(blocks) + " diagnostics=" + std::to_string(diagnostics));
  return 0;
}

// The Terraform pipeline only, unless `all_inputs`: the shared corpus also holds Kubernetes
// manifests, state and other JSON, which the parse-only modes do not read.
// `enabled_rules`: ids or names to run (empty: every rule, secrets included).
int RunScan(const std::string& root, int jobs, bool all_inputs,
            const std::vector<std::string>& enabled_rules) {
  engine::RuleList rules = rules::CreateAllRules();
  engine::DiskFileProvider files;
  engine::ScanOptions options;
  options.paths = {root};
  options.jobs = jobs;
  options.enabled_rules = enabled_rules;
  // As the faultline CLI does: it exits right after the scan.
  options.process_exits_after_scan = true;
  if (!all_inputs) {
    options.exclude_globs = {"*.yaml", "*.yml", "*.json", "*.tfstate", "*.tfstate.backup"};
    options.render_kustomize = false;
  }
  double cpu_start = CpuMs();
  Clock::time_point start = Clock::now();
  engine::ScanResult result = engine::Scan(options, files, rules);
  double wall_ms = MillisecondsSince(start);
  double cpu_ms = CpuMs() - cpu_start;
  size_t engine_findings = 0;
  for (const engine::Finding& finding : result.findings) {
    if (finding.rule_id.rfind("FL-ENG-", 0) == 0) ++engine_findings;
  }
  std::string mode = "scan_j" + std::to_string(jobs);
  PrintFigures(mode.c_str(), result.files.size(), result.bytes_scanned, wall_ms, cpu_ms,
               " resources=" + std::to_string(result.graph.size()) +
                   " findings=" + std::to_string(result.findings.size()) +
                   " engine_findings=" + std::to_string(engine_findings) +
                   " input_errors=" + std::to_string(result.input_errors.size()));
  return result.input_errors.empty() ? 0 : 1;
}

// ---- synthetic module tree ---------------------------------------------------------------------
//
// DIR/modules/mNNNN/{variables,locals,main,outputs}.tf: about 50 shared modules.
// DIR/stacks/<env>/sNNNN/{main,network,iam,compute,storage,variables,locals,outputs}.tf and
// terraform.tfvars: root stacks, each calling two shared modules, with count, for_each, dynamic
// blocks, jsonencode policies, policy documents, heredoc templates, conditionals and some
// deliberate rule violations (sandbox stacks turn Multi-AZ off and allow Action "*"; one stack in
// ten opens RDP to the world). Deterministic for a given seed (only raw mt19937_64 output is used,
// never a library distribution).

// Replaces every "@KEY@" of `text` with its value.
std::string Fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values) {
    std::string marker = "@" + key + "@";
    for (size_t at = text.find(marker); at != std::string::npos;
         at = text.find(marker, at + value.size())) {
      text.replace(at, marker.size(), value);
    }
  }
  return text;
}

constexpr std::string_view kModuleVariables = R"hcl(variable "name" {
  type = string
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "subnet_count" {
  type    = number
  default = 3
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "admin_cidrs" {
  type    = map(string)
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}
)hcl";

constexpr std::string_view kModuleLocals = R"hcl(locals {
  prefix = "${var.name}-${var.environment}"
  tags   = merge(var.tags, { Module = "@MODULE@" })
  azs    = [for i in range(var.subnet_count) : "eu-west-1${["a", "b", "c"][i % 3]}"]
  ports  = { https = 443, app = 8080 }
}
)hcl";

constexpr std::string_view kModuleMain = R"hcl(resource "aws_vpc" "this" {
  cidr_block = var.vpc_cidr
  tags       = merge(local.tags, { Name = local.prefix })
}

resource "aws_subnet" "private" {
  count             = var.subnet_count
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  availability_zone = local.azs[count.index]
  tags              = merge(local.tags, { Name = "${local.prefix}-${count.index}" })
}

resource "aws_security_group" "this" {
  name   = local.prefix
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = local.ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.vpc_cidr]
    }
  }
}

resource "aws_security_group_rule" "admin" {
  for_each          = var.admin_cidrs
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [each.value]
  description       = "admin from ${each.key}"
}

resource "aws_db_subnet_group" "this" {
  name       = local.prefix
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_instance" "this" {
  identifier           = local.prefix
  engine               = "postgres"
  instance_class       = var.environment == "prod" ? "db.m6g.large" : "db.t3.small"
  allocated_storage    = 20
  multi_az             = var.multi_az
  db_subnet_group_name = aws_db_subnet_group.this.name
  tags                 = local.tags
}
)hcl";

constexpr std::string_view kModuleOutputs = R"hcl(output "vpc_id" {
  value = aws_vpc.this.id
}

output "subnet_ids" {
  value = aws_subnet.private[*].id
}

output "security_group_id" {
  value = aws_security_group.this.id
}

output "db_identifier" {
  value = aws_db_instance.this.identifier
}
)hcl";

// Resource templates for stacks; @ID@ makes names unique within the stack.
constexpr std::string_view kStackResources[] = {
    R"hcl(resource "aws_db_instance" "db_@ID@" {
  count                   = var.enable_databases ? 1 : 0
  identifier              = "${local.prefix}-db-@ID@"
  engine                  = "mysql"
  instance_class          = lookup(local.instance_classes, var.environment, "db.t3.micro")
  allocated_storage       = 20 + @ID@ % 7 * 10
  multi_az                = var.database_multi_az
  backup_retention_period = var.environment == "prod" ? 14 : 1
  storage_encrypted       = true
  tags                    = merge(local.tags, { Component = "db-@ID@" })
}

)hcl",
    R"hcl(resource "aws_security_group" "sg_@ID@" {
  name        = "${local.prefix}-sg-@ID@"
  description = "service @ID@"
  vpc_id      = module.network.vpc_id

  dynamic "ingress" {
    for_each = local.service_ports
    content {
      description = "${ingress.key} for service @ID@"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.vpc_cidr]
    }
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_cidrs
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

)hcl",
    R"hcl(resource "aws_iam_policy" "policy_@ID@" {
  name = "${local.prefix}-policy-@ID@"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Read@ID@"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [for b in var.buckets : "arn:aws:s3:::${b}/*"]
      },
      {
        Effect   = "Allow"
        Action   = var.environment == "sandbox" ? "*" : "logs:PutLogEvents"
        Resource = "*"
      },
    ]
  })
}

)hcl",
    R"hcl(data "aws_iam_policy_document" "doc_@ID@" {
  statement {
    sid       = "Queue@ID@"
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["arn:aws:sqs:${var.region}:${var.account_id}:${local.prefix}-@ID@"]
  }

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

)hcl",
    R"hcl(resource "aws_s3_bucket" "bucket_@ID@" {
  bucket = "${local.prefix}-data-@ID@"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "bucket_@ID@" {
  bucket = aws_s3_bucket.bucket_@ID@.id
  versioning_configuration {
    status = var.environment == "prod" ? "Enabled" : "Suspended"
  }
}

)hcl",
    R"hcl(resource "aws_instance" "worker_@ID@" {
  count         = var.worker_count
  ami           = var.ami_id
  instance_type = element(local.worker_types, count.index)
  subnet_id     = element(module.network.subnet_ids, count.index)
  user_data     = <<-EOT
    #!/bin/bash
    echo "worker ${count.index} of @ID@ in ${var.environment}" > /etc/motd
    %{for name, port in local.service_ports~}
    echo "${name}=${port}" >> /etc/services.local
    %{endfor~}
  EOT
  tags = merge(local.tags, { Name = format("%s-worker-%02d", local.prefix, count.index) })
}

)hcl",
    R"hcl(resource "aws_security_group_rule" "rule_@ID@" {
  for_each          = var.admin_sources
  type              = "ingress"
  security_group_id = module.network.security_group_id
  from_port         = each.value.port
  to_port           = each.value.port
  protocol          = "tcp"
  cidr_blocks       = [each.value.cidr]
  description       = "${each.key} (@ID@)"
}

)hcl",
    R"hcl(resource "aws_lambda_function" "fn_@ID@" {
  function_name = "${local.prefix}-fn-@ID@"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  memory_size   = max(128, var.worker_count * 64)
  timeout       = 30
  environment {
    variables = {
      STAGE     = upper(var.environment)
      QUEUES    = join(",", [for q in var.buckets : "${q}-queue"])
      LOG_LEVEL = var.environment == "prod" ? "warn" : "debug"
    }
  }
}

)hcl",
};

constexpr std::string_view kStackHeader = R"hcl(module "network" {
  source       = "../../../modules/@FIRST@"
  name         = local.prefix
  environment  = var.environment
  vpc_cidr     = var.vpc_cidr
  subnet_count = 3
  multi_az     = var.database_multi_az
  admin_cidrs  = { for k, v in var.admin_sources : k => v.cidr }
  tags         = local.tags
}

module "shared" {
  source      = "../../../modules/@SECOND@"
  name        = "${local.prefix}-shared"
  environment = var.environment
  tags        = local.tags
}

resource "aws_iam_role" "lambda" {
  name = "${local.prefix}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

)hcl";

constexpr std::string_view kStackVariables = R"hcl(variable "environment" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "enable_databases" {
  type    = bool
  default = true
}

variable "database_multi_az" {
  type    = bool
  default = true
}

variable "worker_count" {
  type    = number
  default = 2
}

variable "ami_id" {
  type    = string
  default = "ami-0123456789abcdef0"
}

variable "buckets" {
  type    = list(string)
  default = ["logs", "assets"]
}

variable "ssh_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "admin_sources" {
  type    = map(object({ cidr = string, port = number }))
  default = {}
}

variable "extra_statements" {
  type    = list(object({ actions = list(string), resources = list(string) }))
  default = []
}
)hcl";

constexpr std::string_view kStackLocals = R"hcl(locals {
  prefix = "@STACK@-${var.environment}"
  tags = {
    Stack       = "@STACK@"
    Environment = var.environment
    Owner       = "team-@TEAM@"
  }
  instance_classes = {
    prod    = "db.m6g.large"
    staging = "db.t3.medium"
  }
  worker_types  = ["t3.small", "t3.medium", "m6i.large"]
  service_ports = { http = 80, https = 443, metrics = 9100 }
}
)hcl";

constexpr std::string_view kStackOutputs = R"hcl(output "vpc_id" {
  value = module.network.vpc_id
}

output "subnet_ids" {
  value = module.network.subnet_ids
}

output "lambda_role" {
  value = aws_iam_role.lambda.arn
}
)hcl";

constexpr std::string_view kStackTfvars = R"hcl(environment  = "@ENV@"
worker_count = @WORKERS@
@MULTI_AZ@admin_sources = {
  vpn = { cidr = "10.8.0.0/16", port = 22 }
@ANYWHERE@}
extra_statements = [
  { actions = ["kms:Decrypt"], resources = ["*"] },
]
)hcl";

class Generator {
 public:
  Generator(std::string root, uint64_t seed) : root_(std::move(root)), random_(seed) {}

  // Writes about `files` files; returns the number of bytes written.
  uint64_t Generate(int files) {
    constexpr int kModuleFiles = 4;
    constexpr int kStackFiles = 9;
    int stacks = std::max(1, (files - 50 * kModuleFiles) / kStackFiles);
    int modules = std::max(2, (files - stacks * kStackFiles) / kModuleFiles);  // about 50
    for (int m = 0; m < modules; ++m) WriteModule(m);
    const char* environments[] = {"dev", "staging", "prod", "sandbox"};
    for (int s = 0; s < stacks; ++s) WriteStack(environments[s % 4], s, modules);
    return bytes_;
  }
  int files_written() const { return files_written_; }

 private:
  uint64_t Next(uint64_t bound) { return random_() % bound; }

  void Write(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
    bytes_ += text.size();
    ++files_written_;
  }

  static std::string Name(const char* prefix, int n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%04d", prefix, n);
    return buffer;
  }

  void WriteModule(int m) {
    std::string dir = root_ + "/modules/" + Name("m", m);
    Write(dir + "/variables.tf", std::string(kModuleVariables));
    Write(dir + "/locals.tf", Fill(std::string(kModuleLocals), {{"MODULE", Name("m", m)}}));
    Write(dir + "/main.tf", std::string(kModuleMain));
    Write(dir + "/outputs.tf", std::string(kModuleOutputs));
  }

  void WriteStack(const char* environment, int s, int modules) {
    std::string dir = root_ + "/stacks/" + environment + "/" + Name("s", s);
    int first = static_cast<int>(Next(modules));
    int second = (first + 1 + static_cast<int>(Next(modules - 1))) % modules;
    bool sandbox = std::string_view(environment) == "sandbox";

    Write(dir + "/main.tf", Fill(std::string(kStackHeader),
                                 {{"FIRST", Name("m", first)}, {"SECOND", Name("m", second)}}));
    // Four files of resources, 3.5 to 8.5 KB each, drawn from the templates of their topic
    // (indexes into kStackResources).
    struct Topic {
      const char* file;
      std::vector<size_t> templates;
    };
    const Topic topics[] = {{"network.tf", {1, 6}},
                            {"iam.tf", {2, 3}},
                            {"compute.tf", {0, 5, 7}},
                            {"storage.tf", {4, 0}}};
    int n = 0;
    for (const Topic& topic : topics) {
      std::string text;
      size_t target = 3500 + Next(5000);
      while (text.size() < target) {
        size_t pick = topic.templates[Next(topic.templates.size())];
        text += Fill(std::string(kStackResources[pick]), {{"ID", std::to_string(n++)}});
      }
      Write(dir + "/" + topic.file, text);
    }
    Write(dir + "/variables.tf", std::string(kStackVariables));
    Write(dir + "/locals.tf", Fill(std::string(kStackLocals),
                                   {{"STACK", Name("s", s)}, {"TEAM", std::to_string(s % 17)}}));
    Write(dir + "/outputs.tf", std::string(kStackOutputs));
    Write(dir + "/terraform.tfvars",
          Fill(std::string(kStackTfvars),
               {{"ENV", environment},
                {"WORKERS", std::to_string(1 + Next(3))},
                {"MULTI_AZ", sandbox ? "database_multi_az = false\n" : ""},
                {"ANYWHERE",
                 Next(10) == 0 ? "  anywhere = { cidr = \"0.0.0.0/0\", port = 3389 }\n" : ""}}));
  }

  std::string root_;
  std::mt19937_64 random_;
  uint64_t bytes_ = 0;
  int files_written_ = 0;
};

int RunGenerate(const std::string& root, int files, uint64_t seed) {
  if (fs::exists(root) && !fs::is_empty(root)) {
    std::fprintf(stderr, "scan_bench: %s exists and is not empty\n", root.c_str());
    return 2;
  }
  Generator generator(root, seed);
  uint64_t bytes = generator.Generate(files);
  std::printf("mode=generate files=%d bytes=%llu dir=%s\n", generator.files_written(),
              static_cast<unsigned long long>(bytes), root.c_str());
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: scan_bench tsparse DIR | parse DIR |\n"
               "       scan DIR [--jobs N] [--all-inputs] [--rules foundation|no-secrets|ID,...] |\n"
               "       scan_bench generate DIR [--files N] [--seed S]\n");
  return 2;
}

int Main(int argc, char** argv) {
  if (argc < 3) return Usage();
  std::string mode = argv[1];
  std::string dir = argv[2];
  int jobs = 1;
  int files = 10'000;
  uint64_t seed = 1;
  bool all_inputs = false;
  std::vector<std::string> enabled_rules;
  for (int i = 3; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--all-inputs") {
      all_inputs = true;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    if (flag == "--jobs") {
      jobs = std::atoi(argv[i + 1]);
    } else if (flag == "--files") {
      files = std::atoi(argv[i + 1]);
    } else if (flag == "--seed") {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (flag == "--rules") {
      // Comma-separated ids; "foundation" = the first three rules, "no-secrets" = every rule
      // but the FL-SEC ones.
      std::string list = argv[i + 1];
      if (list == "foundation") list = "FL-AWS-0001,FL-IAM-0001,FL-NET-0001";
      if (list == "no-secrets") {
        list.clear();
        for (const auto& rule : rules::CreateAllRules()) {
          const std::string& id = rule->metadata().id;
          if (id.rfind("FL-SEC-", 0) != 0) list += (list.empty() ? "" : ",") + id;
        }
      }
      size_t start = 0;
      while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        if (comma > start) enabled_rules.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else {
      return Usage();
    }
    ++i;
  }
  if (mode == "tsparse") return RunTreeSitterParse(dir);
  if (mode == "parse") return RunHclParse(dir);
  if (mode == "scan") return RunScan(dir, jobs, all_inputs, enabled_rules);
  if (mode == "generate") return RunGenerate(dir, files, seed);
  return Usage();
}

}  // namespace
}  // namespace faultline::bench

int main(int argc, char** argv) { return faultline::bench::Main(argc, argv); }
