import { Typography } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

/**
 * A document body rendered from Markdown. Raw HTML in the text is dropped
 * (skipHtml) and react-markdown builds React elements, never innerHTML, so a
 * body cannot inject markup or scripts; link targets are filtered by the
 * library's default URL transform (no javascript: links).
 */
export function Markdown({ text }: { text: string }) {
  return (
    <Typography>
      <ReactMarkdown skipHtml>{text}</ReactMarkdown>
    </Typography>
  );
}
