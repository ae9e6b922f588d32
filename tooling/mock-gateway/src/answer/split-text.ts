/**
 * Splits text into stream pieces of about `wordsPerPiece` words, keeping the spaces so the
 * pieces concatenate back to the original exactly.
 */
export function splitText({ text, wordsPerPiece = 8 }: { text: string; wordsPerPiece?: number }): string[] {
  const words = text.split(/(?<= )/);
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerPiece) {
    pieces.push(words.slice(index, index + wordsPerPiece).join(''));
  }
  return pieces.length > 0 ? pieces : [''];
}
