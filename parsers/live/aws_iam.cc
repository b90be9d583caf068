// aws iam get-account-authorization-details -> aws_iam_role, aws_iam_user, aws_iam_group (each
// with its inline policies and attached managed policy ARNs) and aws_iam_policy (with the
// document of its default version).
//
// IAM returns policy documents as URL-encoded JSON strings; the aws CLI decodes them into JSON
// objects before printing, other tools (and the raw API) do not. Both are read: an object is used
// as it is, a string is percent-decoded when it looks encoded and parsed as JSON. Either way the
// attribute holds the document as a map (the shape engine/helpers/iam_policy.h reads).
#include <string>
#include <string_view>
#include <utility>

#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_mappers.h"
#include "parsers/live/json_value_reader.h"

namespace faultline::parsers::live {

using engine::Value;
using engine::ValueList;
using engine::ValueMap;

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding ('+' stays '+'); malformed escapes are kept as they are.
std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = HexDigit(text[i + 1]);
      const int low = HexDigit(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// A policy document as a map: decoded objects as they are, strings decoded and parsed. A string
// that is not a JSON document stays a string.
Value PolicyDocument(const Value* document) {
  if (document == nullptr) return Value();
  if (!document->is_string()) return *document;
  std::string_view text = document->as_string();
  size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\n' || text[start] == '\r' ||
                                 text[start] == '\t')) {
    ++start;
  }
  std::string decoded = text.substr(start, 1) == "%" ? PercentDecode(text) : std::string(text);
  JsonReadOptions options;
  options.max_depth = 64;
  options.fixed_range = document->range();
  Value parsed;
  if (!ReadJsonText(decoded, options, &parsed, nullptr) || !parsed.is_map()) return *document;
  return Derived(std::move(parsed), document);
}

// RolePolicyList / UserPolicyList / GroupPolicyList -> Terraform's inline_policy blocks.
Value InlinePolicies(const Value* list) {
  if (list == nullptr || !list->is_list()) return Value();
  ValueList blocks;
  for (const Value& policy : list->as_list()) {
    if (!policy.is_map()) continue;
    ValueMap block;
    if (const Value* v = policy.Get("PolicyName")) block.emplace("name", *v);
    if (const Value* v = policy.Get("PolicyDocument")) block.emplace("policy", PolicyDocument(v));
    blocks.push_back(Derived(Value::Map(std::move(block)), &policy));
  }
  return Derived(Value::List(std::move(blocks)), list);
}

void CommonPrincipal(AttributeBuilder& b, const Value& item, std::string_view name_key,
                     std::string_view id_key, std::string_view policies_key) {
  b.Copy("id", name_key)
      .Copy("name", name_key)
      .Copy("arn", "Arn")
      .Copy("path", "Path")
      .Copy("unique_id", id_key)
      .Copy("create_date", "CreateDate")
      .Set("inline_policy", InlinePolicies(item.Get(policies_key)))
      .Set("managed_policy_arns", Pluck(item.Get("AttachedManagedPolicies"), "PolicyArn"))
      .CopyPath("permissions_boundary", {"PermissionsBoundary", "PermissionsBoundaryArn"})
      .Set("tags", TagsToMap(item.Get("Tags")));
}

void MapRole(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* name = item.Get("RoleName");
  AttributeBuilder b(item);
  CommonPrincipal(b, item, "RoleName", "RoleId", "RolePolicyList");
  b.Set("assume_role_policy", PolicyDocument(item.Get("AssumeRolePolicyDocument")))
      .Copy("description", "Description")
      .Copy("max_session_duration", "MaxSessionDuration");
  AddResource(ctx, "aws_iam_role", item, path, "RoleName", StringOf(name), name,
              std::move(b).Build());
}

void MapUser(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* name = item.Get("UserName");
  AttributeBuilder b(item);
  CommonPrincipal(b, item, "UserName", "UserId", "UserPolicyList");
  b.Copy("groups", "GroupList");
  AddResource(ctx, "aws_iam_user", item, path, "UserName", StringOf(name), name,
              std::move(b).Build());
}

void MapGroup(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* name = item.Get("GroupName");
  AttributeBuilder b(item);
  CommonPrincipal(b, item, "GroupName", "GroupId", "GroupPolicyList");
  AddResource(ctx, "aws_iam_group", item, path, "GroupName", StringOf(name), name,
              std::move(b).Build());
}

// The document of the default version: the version marked IsDefaultVersion, else the one whose
// VersionId is DefaultVersionId.
const Value* DefaultVersionDocument(const Value& item) {
  const Value* versions = item.Get("PolicyVersionList");
  if (versions == nullptr || !versions->is_list()) return nullptr;
  const std::string default_id = StringOf(item.Get("DefaultVersionId"));
  const Value* by_id = nullptr;
  for (const Value& version : versions->as_list()) {
    const Value* is_default = version.Get("IsDefaultVersion");
    if (is_default != nullptr && is_default->is_bool() && is_default->as_bool()) {
      return version.Get("Document");
    }
    if (by_id == nullptr && !default_id.empty() &&
        StringOf(version.Get("VersionId")) == default_id) {
      by_id = version.Get("Document");
    }
  }
  return by_id;
}

void MapPolicy(const Value& item, const std::string& path, AwsMapContext& ctx) {
  const Value* arn = item.Get("Arn");
  AttributeBuilder b(item);
  b.Copy("id", "Arn")
      .Copy("arn", "Arn")
      .Copy("name", "PolicyName")
      .Copy("path", "Path")
      .Copy("policy_id", "PolicyId")
      .Copy("description", "Description")
      .Copy("attachment_count", "AttachmentCount");
  if (const Value* document = DefaultVersionDocument(item)) {
    b.Set("policy", PolicyDocument(document));
  }
  AddResource(ctx, "aws_iam_policy", item, path, "Arn", StringOf(arn), arn, std::move(b).Build());
}

}  // namespace

void MapIamAuthorizationDetails(const Value& root, AwsMapContext& ctx) {
  ForEachItem(ctx, root, "UserDetailList",
              [&](const Value& item, const std::string& path) { MapUser(item, path, ctx); });
  ForEachItem(ctx, root, "GroupDetailList",
              [&](const Value& item, const std::string& path) { MapGroup(item, path, ctx); });
  ForEachItem(ctx, root, "RoleDetailList",
              [&](const Value& item, const std::string& path) { MapRole(item, path, ctx); });
  ForEachItem(ctx, root, "Policies",
              [&](const Value& item, const std::string& path) { MapPolicy(item, path, ctx); });
}

}  // namespace faultline::parsers::live
