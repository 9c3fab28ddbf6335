export {
  compileSchemaSet,
  refusedExternalLoads,
  type XmlSchemaSet,
  type SchemaSetOptions,
  type TreeOptions,
} from './schema-set.ts';
export { prescanXml } from './prescan.ts';
export * from './xml.types.ts';
export * from './xml-tree.ts';
