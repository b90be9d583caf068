// The documented Azure region lists behind the zone-redundancy rules
// (rules/common/azure_regions.h).
#include "rules/common/azure_regions.h"

#include <gtest/gtest.h>

namespace faultline::rules {
namespace {

TEST(AzureRegionsTest, NormalizesDisplayNamesToProgrammaticNames) {
  EXPECT_EQ(NormalizeAzureRegion("West Europe"), "westeurope");
  EXPECT_EQ(NormalizeAzureRegion("South Africa West"), "southafricawest");
  EXPECT_EQ(NormalizeAzureRegion("  East US 2 "), "eastus2");
  EXPECT_EQ(NormalizeAzureRegion("uksouth"), "uksouth");
  EXPECT_EQ(NormalizeAzureRegion(""), "");
}

TEST(AzureRegionsTest, RegionsWithZonesInEitherSpelling) {
  for (const char* region :
       {"westeurope", "West Europe", "Australia East", "australiaeast", "EAST US 2", "uksouth",
        "Japan West", "China North 3", "US Gov Virginia"}) {
    EXPECT_EQ(AzureRegionZoneSupport(region), AzureRegionZones::kWithZones) << region;
  }
}

TEST(AzureRegionsTest, RegionsWithoutZonesInEitherSpelling) {
  for (const char* region :
       {"South Africa West", "southafricawest", "UK West", "westus", "West US", "North Central US",
        "westcentralus", "Canada East", "australiasoutheast", "Australia Central 2"}) {
    EXPECT_EQ(AzureRegionZoneSupport(region), AzureRegionZones::kWithoutZones) << region;
  }
}

TEST(AzureRegionsTest, UnlistedRegionsAreUnknown) {
  for (const char* region : {"", "atlantisnorth", "West Europe 2", "west-europe", "westus4"}) {
    EXPECT_EQ(AzureRegionZoneSupport(region), AzureRegionZones::kUnknownRegion) << region;
  }
}

}  // namespace
}  // namespace faultline::rules
