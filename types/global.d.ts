/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** the platform this build is for: the mini program or the browser build served by the dev server */
    TARO_ENV?: string;
  }
}

/** jsbarcode's Code 128 set C encoder alone (the package entry pulls in every format and a DOM renderer). */
declare module 'jsbarcode/bin/barcodes/CODE128/CODE128C.js' {
  export default class CODE128C {
    constructor(data: string, options: object);
    valid(): boolean;
    /** bars and spaces, one character per module: '1' dark, '0' light */
    encode(): { data: string; text: string };
  }
}
