/** Deterministic randomness: the same seed gives the same province, byte for byte. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32: tiny, fast, good enough for synthetic data (not for secrets). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A UUIDv7-shaped id whose time part is fixed and random part comes from the seed. */
  uuid(epochMs: number): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
    const time = hex(epochMs, 12);
    const r = () => hex(this.int(0, 0xffff), 4);
    const variant = hex(0x8000 | this.int(0, 0x3fff), 4);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
  }
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红晓文斌宇浩凯婷雪琳欣怡晨阳俊峰海波亮志林鑫佳颖琪蕾倩帆宁";

export function personName(rng: Rng): string {
  const given = rng.next() < 0.6 ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

const MOBILE_PREFIXES = [
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "147",
  "150",
  "151",
  "152",
  "157",
  "158",
  "159",
  "178",
  "182",
  "183",
  "187",
  "188",
  "198",
];
/** China Mobile number ranges, so demo lines look like the operator's own. */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, "0");
}
