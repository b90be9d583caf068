// Availability zone support of Azure regions, by the region's programmatic name.
//
// Terraform accepts an Azure `location` either as a display name ("West Europe") or as a
// programmatic name ("westeurope"); NormalizeAzureRegion folds both to the programmatic form
// (lowercase, spaces removed). AzureRegionZones classifies a region from two documented lists
// taken from Microsoft's "Azure regions list" and "Azure regions with availability zone support"
// (https://learn.microsoft.com/azure/reliability/regions-list, March 2025): public regions with
// availability zones, and public regions without them. A region on neither list (a new region, a
// sovereign-cloud region, a typo) is kUnknownRegion, so that rules stay silent on it.
#ifndef FAULTLINE_RULES_COMMON_AZURE_REGIONS_H_
#define FAULTLINE_RULES_COMMON_AZURE_REGIONS_H_

#include <string>
#include <string_view>

namespace faultline::rules {

enum class AzureRegionZones { kUnknownRegion, kWithZones, kWithoutZones };

// "West Europe" -> "westeurope", "UK South" -> "uksouth".
std::string NormalizeAzureRegion(std::string_view location);

// Whether the region named by `location` (display or programmatic name) has availability zones.
AzureRegionZones AzureRegionZoneSupport(std::string_view location);

}  // namespace faultline::rules

#endif  // FAULTLINE_RULES_COMMON_AZURE_REGIONS_H_
