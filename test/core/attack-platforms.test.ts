import { attackPlatform, currentPlatforms, platformKey, RENAMED_PLATFORMS, samePlatform } from "../../src/core/attack-platforms";
import { attackRelease } from "../../src/core/attack-catalogue";

describe("platform names across ATT&CK releases", () => {
  test.each([
    ["macos", "macOS"],
    [" Windows ", "Windows"],
    ["Azure AD", "Identity Provider"],
    ["azure ad", "Identity Provider"],
    ["Office 365", "Office Suite"],
    ["Google Workspace", "Office Suite"],
    ["Network", "Network Devices"],
    ["Identity Provider", "Identity Provider"],
    ["Bogus", null],
  ])("attackPlatform(%j) is %j", (text, platform) => {
    expect(attackPlatform(text)).toBe(platform);
  });

  test.each([
    ["Azure AD", "Identity Provider", true],
    ["office 365", "Google Workspace", true],
    ["Network", "network devices", true],
    ["Linux", "linux", true],
    ["Linux", "Windows", false],
  ])("%j and %j are the same platform: %s", (a, b, same) => {
    expect(samePlatform(a, b)).toBe(same);
  });

  test("every renamed platform's new name is one the shipped release uses", () => {
    const release = attackRelease().platforms;
    expect(RENAMED_PLATFORMS.filter(({ current }) => !release.includes(current))).toEqual([]);
  });

  test("the release's current names leave out the retired ones its revoked techniques still carry", () => {
    expect(currentPlatforms()).not.toContain("Office 365");
    expect(currentPlatforms()).toEqual(expect.arrayContaining(["Identity Provider", "Office Suite", "Network Devices", "Windows"]));
  });

  test("a key is lower case", () => {
    expect(platformKey("Azure AD")).toBe("identity provider");
  });
});
