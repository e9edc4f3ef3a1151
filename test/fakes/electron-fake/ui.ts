/** Fakes of what the user sees outside a window: nativeImage, Menu, Tray, Notification. */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { fake, fakeEvent, record } from './record';

// ---------- nativeImage ----------
export class FakeNativeImage {
  readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
  template = false;
  addRepresentation(options: Electron.AddRepresentationOptions): void {
    record('nativeImage', 'addRepresentation', [options]);
    if (options.buffer)
      this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer });
  }
  setTemplateImage(option: boolean): void {
    record('nativeImage', 'setTemplateImage', [option]);
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
  isEmpty(): boolean {
    return this.representations.length === 0;
  }
  getScaleFactors(): number[] {
    return this.representations.map((r) => r.scaleFactor);
  }
}
export const nativeImage = {
  createEmpty(): FakeNativeImage {
    record('nativeImage', 'createEmpty', []);
    return new FakeNativeImage();
  },
  createFromBuffer(buffer: Buffer, options?: Electron.CreateFromBufferOptions): FakeNativeImage {
    record('nativeImage', 'createFromBuffer', [buffer, options]);
    const img = new FakeNativeImage();
    img.representations.push({ scaleFactor: options?.scaleFactor ?? 1, buffer });
    return img;
  },
};

// ---------- Menu ----------
export class FakeMenu {
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}
  /** Test helper: the first item whose label matches, for clicking. */
  item(label: string | RegExp): Electron.MenuItemConstructorOptions {
    const found = this.template.find((i) =>
      typeof label === 'string' ? i.label === label : label.test(i.label ?? ''),
    );
    if (!found)
      throw new Error(
        `no menu item ${String(label)} in [${this.template.map((i) => i.label).join(', ')}]`,
      );
    return found;
  }
  /** Test helper: runs an item's click handler the way Electron would. */
  click(label: string | RegExp): void {
    const item = this.item(label);
    (item.click as ((...a: unknown[]) => void) | undefined)?.({}, undefined, {});
  }
}
export const Menu = {
  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): FakeMenu {
    record('Menu', 'buildFromTemplate', [template]);
    const menu = new FakeMenu(template);
    fake.menus.push(menu);
    return menu;
  },
};

// ---------- Tray ----------
export class FakeTray extends EventEmitter {
  image: FakeNativeImage | string;
  toolTip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: FakeNativeImage | string, guid?: string) {
    super();
    record('tray', 'constructor', [image, guid]);
    this.image = image;
    fake.trays.push(this);
  }
  setImage(image: FakeNativeImage | string): void {
    record('tray', 'setImage', [image]);
    this.image = image;
  }
  setToolTip(toolTip: string): void {
    record('tray', 'setToolTip', [toolTip]);
    this.toolTip = toolTip;
  }
  setTitle(title: string, options?: Electron.TitleOptions): void {
    record('tray', 'setTitle', [title, options]);
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    record('tray', 'setContextMenu', [menu]);
    this.contextMenu = menu;
  }
  destroy(): void {
    record('tray', 'destroy', []);
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

// ---------- Notification ----------
export class FakeNotification extends EventEmitter {
  static supported = true;
  readonly options: Electron.NotificationConstructorOptions;
  shown = false;
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super();
    record('Notification', 'constructor', [options]);
    this.options = options;
    fake.notifications.push(this);
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  /**
   * Like Electron, 'show' comes later, from the OS, never inside show() (docs/api/notification.md:
   * "Emitted when the notification is shown to the user"; the platform presenter reports it
   * asynchronously). A listener attached right after show() still hears it.
   */
  show(): void {
    record('notification', 'show', []);
    this.shown = true;
    setImmediate(() => this.emit('show', fakeEvent()));
  }
  close(): void {
    record('notification', 'close', []);
    this.emit('close', fakeEvent({ reason: 'unknown' }));
  }
  /** Test helper: Windows reports that the toast could not be shown ('failed', Windows only). */
  fail(error: string): void {
    this.emit('failed', fakeEvent(), error);
  }
  /** Test helper: the user clicked the notification. */
  click(): void {
    this.emit('click', fakeEvent());
  }
}
