/**
 * The demo province, shaped like the source documents: seed 000 describes Hunan with 14 city branches and
 * 88 county branches. City codes are the national administrative codes; counties are a real subset.
 */
export interface CityPlan {
  code: string;
  name: string;
  counties: readonly string[];
}

export const DEMO_PROVINCE = { provinceId: 43, code: "43", name: "湖南省公司" } as const;

export const DEMO_CITIES: readonly CityPlan[] = [
  { code: "4301", name: "长沙", counties: ["芙蓉", "天心", "岳麓", "开福", "雨花", "望城", "浏阳", "宁乡"] },
  { code: "4302", name: "株洲", counties: ["天元", "渌口", "攸县", "茶陵", "炎陵", "醴陵"] },
  { code: "4303", name: "湘潭", counties: ["雨湖", "湘潭县", "湘乡", "韶山"] },
  {
    code: "4304",
    name: "衡阳",
    counties: ["珠晖", "衡阳县", "衡南", "衡山", "衡东", "祁东", "耒阳", "常宁"],
  },
  {
    code: "4305",
    name: "邵阳",
    counties: ["双清", "邵东", "新邵", "邵阳县", "隆回", "洞口", "绥宁", "武冈"],
  },
  { code: "4306", name: "岳阳", counties: ["岳阳楼", "岳阳县", "华容", "湘阴", "平江", "汨罗", "临湘"] },
  { code: "4307", name: "常德", counties: ["武陵", "鼎城", "安乡", "汉寿", "澧县", "桃源", "津市"] },
  { code: "4308", name: "张家界", counties: ["永定", "武陵源", "慈利", "桑植"] },
  { code: "4309", name: "益阳", counties: ["赫山", "南县", "桃江", "安化", "沅江"] },
  { code: "4310", name: "郴州", counties: ["北湖", "苏仙", "桂阳", "宜章", "永兴", "嘉禾", "临武", "资兴"] },
  { code: "4311", name: "永州", counties: ["零陵", "冷水滩", "祁阳", "东安", "道县", "江永", "宁远"] },
  { code: "4312", name: "怀化", counties: ["鹤城", "中方", "沅陵", "辰溪", "溆浦", "会同", "洪江"] },
  { code: "4313", name: "娄底", counties: ["娄星", "双峰", "新化", "冷水江", "涟源"] },
  { code: "4331", name: "湘西", counties: ["吉首", "泸溪", "凤凰", "花垣"] },
];

export const GRID_NAMES = ["城东", "城西", "城南", "城北", "园区", "商圈", "乡镇", "新区"] as const;
