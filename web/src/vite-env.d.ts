/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Origin of the ScaleMap API, e.g. `https://api.scalemap.co.uk`. Empty (the default) means the page's own origin. */
  readonly VITE_API_BASE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
