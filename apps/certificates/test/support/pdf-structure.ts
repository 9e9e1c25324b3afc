import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One element of a tagged PDF's structure tree, as pdf.js (the PDF reader in Firefox) reads it. */
export interface StructureElement {
  role: string;
  /** The text of the element's own marked content, in drawing order. */
  text: string;
  /** The alternative text (`/Alt`), for figures. */
  alt?: string;
  depth: number;
}

interface StructNode {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/**
 * The structure tree of every page, depth first (reading order), with the text of each element's
 * marked content. Reads the file with pdf.js, a second implementation independent of the writer.
 */
export async function readStructureTree(pdf: Buffer): Promise<StructureElement[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const elements: StructureElement[] = [];
  try {
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const textByContentId = new Map<string, string>();
      let openId: string | undefined;
      const content = await page.getTextContent({ includeMarkedContent: true });
      for (const item of content.items) {
        if ('str' in item) {
          if (openId) textByContentId.set(openId, (textByContentId.get(openId) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
        } else if (item.type === 'beginMarkedContentProps' && item.id) {
          openId = item.id;
        } else if (item.type === 'endMarkedContent') {
          openId = undefined;
        }
      }
      const tree = (await page.getStructTree()) as StructNode | null;
      const visit = (node: StructNode, depth: number): void => {
        if (node.type === 'content' || !node.role) return;
        const text = (node.children ?? [])
          .filter((child) => child.type === 'content' && child.id)
          .map((child) => textByContentId.get(child.id!) ?? '')
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        elements.push({ role: node.role, text, ...(node.alt ? { alt: node.alt } : {}), depth });
        for (const child of node.children ?? []) visit(child, depth + 1);
      };
      if (tree) visit(tree, 0);
    }
  } finally {
    await document.destroy();
  }
  return elements;
}
