/** @jest-environment jsdom */
import { Component, Events, activeTimers, createFakeApp } from "../fakes/obsidian";

class LoggedComponent extends Component {
  constructor(private readonly label: string, private readonly log: string[]) {
    super();
  }
  override onload(): void { this.log.push(`${this.label}:onload`); }
  override onunload(): void { this.log.push(`${this.label}:onunload`); }
}

describe("Component lifecycle", () => {
  test("load calls onload, then loads the children added before", () => {
    const log: string[] = [];
    const parent = new LoggedComponent("parent", log);
    parent.addChild(new LoggedComponent("child", log));
    parent.load();
    expect(log).toEqual(["parent:onload", "child:onload"]);
  });

  test("unload unloads children, then runs register callbacks last-registered-first, then onunload", () => {
    const log: string[] = [];
    const parent = new LoggedComponent("parent", log);
    parent.addChild(new LoggedComponent("child", log));
    parent.register(() => log.push("first registered"));
    parent.register(() => log.push("second registered"));
    parent.load();
    log.length = 0;
    parent.unload();
    expect(log).toEqual(["child:onunload", "second registered", "first registered", "parent:onunload"]);
  });

  test("addChild on a loaded parent loads the child at once and returns it", () => {
    const log: string[] = [];
    const parent = new LoggedComponent("parent", log);
    parent.load();
    const child = new LoggedComponent("child", log);
    expect(parent.addChild(child)).toBe(child);
    expect(log).toEqual(["parent:onload", "child:onload"]);
  });

  test("removeChild unloads the child", () => {
    const log: string[] = [];
    const parent = new LoggedComponent("parent", log);
    const child = parent.addChild(new LoggedComponent("child", log));
    parent.load();
    parent.removeChild(child);
    expect(log).toEqual(["parent:onload", "child:onload", "child:onunload"]);
  });

  test("loading twice runs onload once", () => {
    const log: string[] = [];
    const component = new LoggedComponent("c", log);
    component.load();
    component.load();
    expect(log).toEqual(["c:onload"]);
  });

  test("unloading a component that never loaded runs nothing", () => {
    const log: string[] = [];
    const component = new LoggedComponent("c", log);
    component.register(() => log.push("callback"));
    component.unload();
    expect(log).toEqual([]);
  });
});

describe("Component registrations are undone on unload", () => {
  test("registerEvent detaches the Events listener", () => {
    const events = new Events();
    const heard: unknown[] = [];
    const component = new Component();
    component.load();
    component.registerEvent(events.on("ping", (value) => heard.push(value)));
    events.trigger("ping", 1);
    component.unload();
    events.trigger("ping", 2);
    expect(heard).toEqual([1]);
  });

  test("registerDomEvent removes the DOM listener", () => {
    const button = document.body.createEl("button");
    let clicks = 0;
    const component = new Component();
    component.load();
    component.registerDomEvent(button, "click", () => { clicks++; });
    button.click();
    component.unload();
    button.click();
    expect(clicks).toBe(1);
  });

  test("registerInterval clears the interval", () => {
    createFakeApp(); // installs timer tracking on window
    const component = new Component();
    component.load();
    const before = activeTimers();
    component.registerInterval(window.setInterval(() => undefined, 1000));
    expect(activeTimers()).toBe(before + 1);
    component.unload();
    expect(activeTimers()).toBe(before);
  });
});

describe("Events", () => {
  test("offref stops one listener and leaves the others", () => {
    const events = new Events();
    const heard: string[] = [];
    const ref = events.on("e", () => heard.push("a"));
    events.on("e", () => heard.push("b"));
    events.offref(ref);
    events.trigger("e");
    expect(heard).toEqual(["b"]);
  });

  test("on passes ctx as `this` and trigger passes the arguments", () => {
    const events = new Events();
    const ctx = { name: "ctx" };
    let seen: unknown[] = [];
    events.on("e", function (this: unknown, ...args: unknown[]) { seen = [this, ...args]; }, ctx);
    events.trigger("e", 1, "two");
    expect(seen).toEqual([ctx, 1, "two"]);
  });
});
