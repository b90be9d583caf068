#include "rules/common/azure_regions.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace faultline::rules {

namespace {

// Regions with availability zones: the rows of Microsoft's regions list with zones (including
// the newer Austria East, Belgium Central and Indonesia Central), plus the zone-enabled regions
// of its availability zone support page outside the public cloud (China North 3, US Gov
// Virginia).
constexpr std::string_view kRegionsWithZones[] = {
    "australiaeast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "canadacentral",
    "centralindia",
    "centralus",
    "chinanorth3",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "koreacentral",
    "mexicocentral",
    "newzealandnorth",
    "northeurope",
    "norwayeast",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southcentralus",
    "southeastasia",
    "spaincentral",
    "swedencentral",
    "switzerlandnorth",
    "uaenorth",
    "uksouth",
    "usgovvirginia",
    "westeurope",
    "westus2",
    "westus3",
};

// Public regions Microsoft lists without availability zone support.
constexpr std::string_view kRegionsWithoutZones[] = {
    "australiacentral", "australiacentral2", "australiasoutheast", "brazilsoutheast", "canadaeast",
    "francesouth",      "germanynorth",      "koreasouth",         "northcentralus",  "norwaywest",
    "southafricawest",  "southindia",        "swedensouth",        "switzerlandwest", "uaecentral",
    "ukwest",           "westcentralus",     "westindia",          "westus",
};

template <size_t N>
bool Contains(const std::string_view (&regions)[N], std::string_view region) {
  return std::find(std::begin(regions), std::end(regions), region) != std::end(regions);
}

}  // namespace

std::string NormalizeAzureRegion(std::string_view location) {
  std::string region;
  region.reserve(location.size());
  for (char c : location) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    region.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return region;
}

AzureRegionZones AzureRegionZoneSupport(std::string_view location) {
  const std::string region = NormalizeAzureRegion(location);
  if (Contains(kRegionsWithZones, region)) return AzureRegionZones::kWithZones;
  if (Contains(kRegionsWithoutZones, region)) return AzureRegionZones::kWithoutZones;
  return AzureRegionZones::kUnknownRegion;
}

}  // namespace faultline::rules
