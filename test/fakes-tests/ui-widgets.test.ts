/** @jest-environment jsdom */
import { Menu, Modal, Notice, Setting, createFakeApp, debounce, noticeLog, normalizePath, requestUrl, shownMenus } from "../fakes/obsidian";

describe("Notice", () => {
  test("messages are logged in order and shown in the document", () => {
    createFakeApp();
    new Notice("Indexed 3,731 notes");
    new Notice("Done").setMessage("Done again");
    expect([noticeLog, document.querySelectorAll(".notice").length]).toEqual([["Indexed 3,731 notes", "Done", "Done again"], 2]);
  });
});

describe("Setting controls are real inputs", () => {
  test("a toggle click flips the value and reports it", () => {
    const seen: boolean[] = [];
    new Setting(document.body.createDiv()).addToggle((toggle) => toggle.setValue(false).onChange((value) => seen.push(value)));
    (document.querySelector(".checkbox-container") as HTMLElement).click();
    expect(seen).toEqual([true]);
  });

  test("a dropdown reports the chosen option on change", () => {
    const seen: string[] = [];
    const container = document.body.createDiv();
    new Setting(container).addDropdown((dropdown) => dropdown.addOptions({ a: "A", b: "B" }).setValue("a").onChange((value) => seen.push(value)));
    const select = container.querySelector("select")!;
    select.value = "b";
    select.dispatchEvent(new Event("change"));
    expect(seen).toEqual(["b"]);
  });

  test("setValue on a text field does not report a change", () => {
    const seen: string[] = [];
    new Setting(createDiv()).addText((text) => text.onChange((value) => seen.push(value)).setValue("quiet"));
    expect(seen).toEqual([]);
  });

  test("name, description and heading land in the row", () => {
    const setting = new Setting(createDiv()).setName("Rules").setDesc("Where rule notes live").setHeading();
    expect([setting.nameEl.textContent, setting.descEl.textContent, setting.settingEl.hasClass("setting-item-heading")]).toEqual(["Rules", "Where rule notes live", true]);
  });
});

describe("Modal and Menu", () => {
  test("a modal is in the document while open and runs onOpen/onClose", () => {
    const app = createFakeApp();
    const log: string[] = [];
    const modal = new (class extends Modal {
      override onOpen(): void { log.push("open"); this.contentEl.setText("body"); }
      override onClose(): void { log.push("close"); }
    })(app);
    modal.open();
    const whileOpen = modal.containerEl.isConnected;
    modal.close();
    expect([whileOpen, modal.containerEl.isConnected, log]).toEqual([true, false, ["open", "close"]]);
  });

  test("a shown menu is recorded, and clicking an item runs it and hides the menu", () => {
    createFakeApp();
    let chosen = 0;
    const menu = new Menu().addItem((item) => item.setTitle("Open").onClick(() => { chosen++; }));
    menu.showAtMouseEvent(new MouseEvent("contextmenu", { clientX: 5, clientY: 6 }));
    const recorded = shownMenus.includes(menu);
    (menu.dom.querySelector(".menu-item") as HTMLElement).click();
    expect([recorded, menu.position, chosen, menu.dom.isConnected]).toEqual([true, { x: 5, y: 6 }, 1, false]);
  });
});

describe("debounce", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("calls once with the last arguments after the timeout", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => { calls.push(n); }, 100);
    debounced(1);
    debounced(2);
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([2]);
  });

  test("without resetTimer, later calls do not push the deadline back", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => { calls.push(n); }, 100);
    debounced(1);
    jest.advanceTimersByTime(60);
    debounced(2);
    jest.advanceTimersByTime(40);
    expect(calls).toEqual([2]);
  });

  test("with resetTimer, each call restarts the wait", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => { calls.push(n); }, 100, true);
    debounced(1);
    jest.advanceTimersByTime(60);
    debounced(2);
    jest.advanceTimersByTime(40);
    expect(calls).toEqual([]);
  });

  test("cancel drops the pending call", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => { calls.push(n); }, 100);
    debounced(1).cancel();
    jest.advanceTimersByTime(100);
    expect(calls).toEqual([]);
  });

  test("run calls the pending call at once and returns its result", () => {
    const debounced = debounce((n: number) => n * 2, 100);
    debounced(21);
    expect(debounced.run()).toBe(42);
  });
});

describe("small helpers", () => {
  test.each([
    ["Use Cases//T1001.md", "Use Cases/T1001.md"],
    ["/leading/and/trailing/", "leading/and/trailing"],
    ["back\\slash", "back/slash"],
    ["", "/"],
    ["non\u00A0breaking", "non breaking"],
  ])("normalizePath(%j) → %j", (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });

  test("requestUrl refuses the network", () => {
    expect(() => requestUrl("https://attack.mitre.org")).toThrow("network disabled in tests");
  });
});
