export interface RenderOptions {
  color: boolean;
  width: number;
  lang: string;
  detail: boolean;
}
